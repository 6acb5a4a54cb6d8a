package dev.bazaar.common.http;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A runtime folder with TLS as the launcher leaves it, for one server identity: a CA made for the test,
 * {@code ssl/<identity>.p12} (SANs localhost and 127.0.0.1) and {@code ssl/truststore.p12}, their
 * passwords in {@code secrets/}. common cannot use bazaar-ssl (which depends on it), so this issues
 * the two certificates with BouncyCastle directly.
 */
final class ThrowAwayTls {

    private static final Duration VALIDITY = Duration.ofDays(1);

    private ThrowAwayTls() {
    }

    /** {@code var} with TLS material for {@code identity}. */
    static RuntimeLayout issue(Path var, String identity) throws Exception {
        RuntimeLayout layout = new RuntimeLayout(var);
        Files.createDirectories(layout.sslDir());
        KeyPair caKeys = keys();
        X509Certificate ca = certificate(new X500Principal("CN=Test CA"), caKeys, new X500Principal("CN=Test CA"),
                caKeys, true);
        KeyPair leafKeys = keys();
        X509Certificate leaf = certificate(new X500Principal("CN=" + identity), leafKeys, ca.getSubjectX500Principal(),
                caKeys, false);
        char[] keystorePassword = PlatformTls.keystorePassword(layout).toCharArray();
        KeyStore keystore = empty();
        keystore.setKeyEntry(identity, leafKeys.getPrivate(), keystorePassword, new Certificate[] {leaf, ca});
        store(keystore, layout.keystore(identity), keystorePassword);
        KeyStore truststore = empty();
        truststore.setCertificateEntry("ca", ca);
        store(truststore, layout.truststore(),
                layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray());
        return layout;
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
            KeyPair issuerKeys, boolean authority) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (!authority) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static KeyStore empty() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static void store(KeyStore store, Path file, char[] password) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
