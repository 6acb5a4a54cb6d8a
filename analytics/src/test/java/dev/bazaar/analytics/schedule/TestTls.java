package dev.bazaar.analytics.schedule;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.nio.file.Path;
import java.util.List;

/** A runtime folder with the CA, the scheduler's keystore and the truststore, issued as {@code ./bazaar up} does. */
final class TestTls {

    /** The CA key's own password in the test's folder (the launcher keeps it apart from the keystores' too). */
    private static final String CA_SECRET = "test-ca";

    private TestTls() {
    }

    /** {@code var} with the platform's TLS material for {@link HealthServer#SERVICE}. */
    static RuntimeLayout issue(Path var) {
        RuntimeLayout layout = new RuntimeLayout(var);
        CertificateStore certificates = new CertificateStore(layout.sslDir(),
                PlatformTls.keystorePassword(layout).toCharArray(),
                layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray(),
                layout.secrets().password(CA_SECRET).toCharArray());
        certificates.ensureKeystore(new TlsIdentity(HealthServer.SERVICE, "service", List.of(HealthServer.SERVICE)));
        return layout;
    }
}
