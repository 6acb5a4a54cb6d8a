package dev.bazaar.platform.it;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.nio.file.Path;
import java.util.List;

/**
 * A runtime folder with a CA, the truststore and one service's keystore, issued as {@code ./bazaar up}
 * does, for tests that run a service's HTTPS server without a platform.
 */
public final class IssuedTls {

    /** The CA key's own password in the test's folder (the launcher keeps it apart from the keystores' too). */
    private static final String CA_SECRET = "test-ca";

    private IssuedTls() {
    }

    /** {@code var} with the platform's TLS material for {@code identity} (e.g. {@code stream-filter}). */
    public static RuntimeLayout issue(Path var, String identity) {
        RuntimeLayout layout = new RuntimeLayout(var);
        CertificateStore certificates = new CertificateStore(layout.sslDir(),
                PlatformTls.keystorePassword(layout).toCharArray(),
                layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray(),
                layout.secrets().password(CA_SECRET).toCharArray());
        certificates.ensureKeystore(new TlsIdentity(identity, "service", List.of(identity)));
        return layout;
    }
}
