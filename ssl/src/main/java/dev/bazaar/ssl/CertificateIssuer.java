package dev.bazaar.ssl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds the platform CA and leaf certificates.
 *
 * <p>Kept apart from {@link CertificateStore} so the X.509 profile (extensions, validity, names)
 * lives in one place and the store only decides when to issue. BouncyCastle is used only to build
 * and sign; keys come from, and certificates are parsed back into, the standard JDK providers.
 */
final class CertificateIssuer {

    static final X500Principal CA_SUBJECT = new X500Principal("CN=Bazaar Platform CA,O=Bazaar");
    private static final String ORGANIZATION = "Bazaar";
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final String CURVE = "secp256r1";
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final int CA_VALIDITY_YEARS = 5;
    private static final Duration LEAF_VALIDITY = Duration.ofDays(397);
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CertificateIssuer(Clock clock) {
        this.clock = clock;
    }

    /** Issues a self-signed CA valid for five years. */
    IssuedKey issueAuthority() {
        KeyPair keys = newKeyPair();
        Instant now = clock.instant();
        Instant notAfter = now.atZone(ZoneOffset.UTC).plusYears(CA_VALIDITY_YEARS).toInstant();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(CA_SUBJECT, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), CA_SUBJECT, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(keys.getPublic()));
            return new IssuedKey(keys.getPrivate(), sign(builder, keys, CA_SUBJECT));
        } catch (GeneralSecurityException | IOException e) {
            throw failure(CA_SUBJECT, e);
        }
    }

    /** Issues a leaf for {@code identity}, signed by {@code authority}, never outliving it. */
    IssuedKey issueLeaf(TlsIdentity identity, IssuedKey authority) {
        KeyPair keys = newKeyPair();
        X509Certificate ca = authority.certificate();
        X500Principal subject = leafSubject(identity);
        Instant now = clock.instant();
        Instant notAfter = earliest(now.plus(LEAF_VALIDITY), ca.getNotAfter().toInstant());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, generalNames(identity))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca));
            return new IssuedKey(keys.getPrivate(), sign(builder, new KeyPair(ca.getPublicKey(), authority.key()),
                    subject));
        } catch (GeneralSecurityException | IOException e) {
            throw failure(subject, e);
        }
    }

    /** {@code CN=<name>,OU=<unit>,O=Bazaar}, as {@link X500Principal#getName()} will print it. */
    static X500Principal leafSubject(TlsIdentity identity) {
        return new X500Principal("CN=" + Rdn.escapeValue(identity.name())
                + ",OU=" + Rdn.escapeValue(identity.unit()) + ",O=" + ORGANIZATION);
    }

    /** The subject alternative names a leaf for {@code identity} must carry, as {@code dns:} / {@code ip:} strings. */
    static Set<String> expectedSubjectAltNames(TlsIdentity identity) {
        Set<String> names = new TreeSet<>();
        for (String hostName : allHostNames(identity)) {
            names.add(isIpLiteral(hostName) ? "ip:" + ipAddress(hostName).getHostAddress() : "dns:" + hostName);
        }
        return names;
    }

    /** The DNS and IP subject alternative names of {@code certificate}, in the form of {@link #expectedSubjectAltNames}. */
    static Set<String> subjectAltNames(X509Certificate certificate) throws CertificateParsingException {
        Set<String> names = new TreeSet<>();
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        if (entries == null) {
            return names;
        }
        for (List<?> entry : entries) {
            int type = (Integer) entry.get(0);
            String value = String.valueOf(entry.get(1));
            if (type == SAN_DNS) {
                names.add("dns:" + value.toLowerCase(Locale.ROOT));
            } else if (type == SAN_IP) {
                names.add("ip:" + ipAddress(value).getHostAddress());
            }
        }
        return names;
    }

    private static GeneralNames generalNames(TlsIdentity identity) {
        List<GeneralName> names = new ArrayList<>();
        for (String hostName : allHostNames(identity)) {
            names.add(isIpLiteral(hostName)
                    ? new GeneralName(GeneralName.iPAddress, new DEROctetString(ipAddress(hostName).getAddress()))
                    : new GeneralName(GeneralName.dNSName, hostName));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static Set<String> allHostNames(TlsIdentity identity) {
        Set<String> hostNames = new LinkedHashSet<>(LOOPBACK_NAMES);
        hostNames.addAll(identity.hostNames());
        return hostNames;
    }

    private static boolean isIpLiteral(String hostName) {
        return hostName.contains(":") || hostName.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** Parses an IP literal without any name lookup (IPv4 is decoded by hand; Java never resolves IPv6 literals). */
    private static InetAddress ipAddress(String literal) {
        try {
            if (literal.contains(":")) {
                return InetAddress.getByName(literal.startsWith("[") ? literal : "[" + literal + "]");
            }
            String[] parts = literal.split("\\.", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("Invalid IPv4 address: " + literal);
            }
            byte[] octets = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    throw new IllegalArgumentException("Invalid IPv4 address: " + literal);
                }
                octets[i] = (byte) octet;
            }
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Invalid IP address: " + literal, e);
        }
    }

    private KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an EC " + CURVE + " key pair", e);
        }
    }

    /** A random positive 128-bit serial number. */
    private BigInteger serial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, random);
        } while (serial.signum() == 0);
        return serial;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer, X500Principal subject)
            throws GeneralSecurityException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer.getPrivate());
            X509CertificateHolder holder = builder.build(contentSigner);
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
            certificate.verify(signer.getPublic());
            return certificate;
        } catch (OperatorCreationException | IOException e) {
            throw failure(subject, e);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalStateException failure(X500Principal subject, Exception cause) {
        return new IllegalStateException("Could not issue a certificate for " + subject.getName() + ": " + cause,
                cause);
    }
}
