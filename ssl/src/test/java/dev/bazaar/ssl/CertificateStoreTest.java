package dev.bazaar.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateStoreTest {

    private static final char[] PASSWORD = "changeit-for-tests".toCharArray();
    private static final char[] CA_PASSWORD = "ca-only-for-tests".toCharArray();
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private static final TlsIdentity NODE = new TlsIdentity("kafka-1", "kafka-node", List.of("kafka-1", "Kafka-1.Bazaar"));
    private static final TlsIdentity SERVICE = new TlsIdentity("orders", "service", List.of("orders"));

    @TempDir
    Path tempDir;

    @Test
    void createsAuthorityAndKeystoreIdempotently() throws Exception {
        // given
        Path sslDir = tempDir.resolve("var/ssl");
        CertificateStore store = store(sslDir);

        // when
        store.ensureAuthority();
        Path keystore = store.ensureKeystore(NODE);
        X509Certificate firstLeaf = leafOf(keystore, NODE.name());
        X509Certificate firstCa = caOf(store);
        store.ensureAuthority();
        Path again = store(sslDir).ensureKeystore(NODE);

        // then
        assertThat(keystore).isEqualTo(sslDir.resolve("kafka-1.p12")).isRegularFile();
        assertThat(store.truststore()).isEqualTo(sslDir.resolve("truststore.p12")).isRegularFile();
        assertThat(store.caPem()).isEqualTo(sslDir.resolve("ca.pem")).isRegularFile();
        assertThat(sslDir.resolve("ca.p12")).isRegularFile();
        assertThat(again).isEqualTo(keystore);
        assertThat(leafOf(again, NODE.name()).getSerialNumber()).isEqualTo(firstLeaf.getSerialNumber());
        assertThat(caOf(store).getSerialNumber()).isEqualTo(firstCa.getSerialNumber());
        assertThat(firstCa.getSubjectX500Principal().getName()).isEqualTo("CN=Bazaar Platform CA,O=Bazaar");
        assertThat(firstCa.getBasicConstraints()).isNotNegative();
        assertThat(firstCa.getSerialNumber().signum()).isPositive();
        try (var files = Files.list(sslDir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("ca.p12", "ca.pem", "truststore.p12", "kafka-1.p12");
        }
    }

    @Test
    void leafCarriesSansAndBothUsagesAndChainsToTheAuthority() throws Exception {
        // given
        CertificateStore store = store(tempDir);

        // when
        Path keystore = store.ensureKeystore(NODE);

        // then
        KeyStore loaded = load(keystore);
        Certificate[] chain = loaded.getCertificateChain(NODE.name());
        X509Certificate ca = caOf(store);
        X509Certificate leaf = (X509Certificate) chain[0];
        assertThat(loaded.isKeyEntry(NODE.name())).isTrue();
        assertThat(chain).hasSize(2);
        assertThat(chain[1]).isEqualTo(ca);
        leaf.verify(ca.getPublicKey());
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=kafka-1,OU=kafka-node,O=Bazaar");
        assertThat(leaf.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(SAN_DNS, "localhost"),
                List.of(SAN_IP, "127.0.0.1"),
                List.of(SAN_IP, "0:0:0:0:0:0:0:1"),
                List.of(SAN_DNS, "kafka-1"),
                List.of(SAN_DNS, "kafka-1.bazaar"));
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(store.notAfter(NODE.name())).isCloseTo(Instant.now().plus(Duration.ofDays(397)),
                within(1, ChronoUnit.HOURS));
        assertThat(store.notAfter("ca")).isAfter(Instant.now().plus(Duration.ofDays(4 * 365)));
    }

    @Test
    void changedHostListReissuesTheLeaf() throws Exception {
        // given
        CertificateStore store = store(tempDir);
        X509Certificate before = leafOf(store.ensureKeystore(NODE), NODE.name());
        TlsIdentity moved = new TlsIdentity(NODE.name(), NODE.unit(), List.of("kafka-1", "10.0.0.7"));

        // when
        X509Certificate after = leafOf(store.ensureKeystore(moved), NODE.name());

        // then
        assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
        assertThat(after.getSubjectAlternativeNames())
                .contains(List.of(SAN_IP, "10.0.0.7"))
                .doesNotContain(List.of(SAN_DNS, "kafka-1.bazaar"));
        assertThat(leafOf(store.ensureKeystore(moved), NODE.name()).getSerialNumber())
                .isEqualTo(after.getSerialNumber());
    }

    @Test
    void aStoreThatCheckedItsFilesBeforeSeesWhatChangedThemSince() throws Exception {
        // given a store that checked the CA and a leaf (and remembers what it read)
        CertificateStore store = store(tempDir);
        X509Certificate checked = leafOf(store.ensureKeystore(NODE), NODE.name());
        X509Certificate ca = caOf(store);

        // when another store (another up) reissues the leaf for other hosts, and a third replaces the CA
        TlsIdentity moved = new TlsIdentity(NODE.name(), NODE.unit(), List.of("kafka-1", "10.0.0.7"));
        store(tempDir).ensureKeystore(moved);
        Files.delete(tempDir.resolve("ca.p12"));
        store(tempDir).ensureAuthority();

        // then the first store checks the files anew: the leaf for its hosts again, signed by the new CA
        X509Certificate again = leafOf(store.ensureKeystore(NODE), NODE.name());
        assertThat(caOf(store).getSerialNumber()).isNotEqualTo(ca.getSerialNumber());
        assertThat(again.getSerialNumber()).isNotEqualTo(checked.getSerialNumber());
        assertThat(again.getSubjectAlternativeNames()).contains(List.of(SAN_DNS, "kafka-1.bazaar"))
                .doesNotContain(List.of(SAN_IP, "10.0.0.7"));
        again.verify(caOf(store).getPublicKey());
        assertThat(store.ensureKeystore(NODE)).as("a second check with nothing changed")
                .satisfies(same -> assertThat(leafOf(same, NODE.name())).isEqualTo(again));
    }

    @Test
    void newAuthorityReissuesTheLeaf() throws Exception {
        // given
        CertificateStore store = store(tempDir);
        X509Certificate before = leafOf(store.ensureKeystore(NODE), NODE.name());
        Files.delete(tempDir.resolve("ca.p12"));

        // when
        X509Certificate after = leafOf(store.ensureKeystore(NODE), NODE.name());

        // then
        assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
        after.verify(caOf(store).getPublicKey());
        assertThat(readPem(store.caPem())).isEqualTo(caOf(store));
    }

    @Test
    void leafExpiringWithinThirtyDaysIsReissued() throws Exception {
        // given
        Clock longAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-380));
        X509Certificate old = leafOf(new CertificateStore(tempDir, PASSWORD, CA_PASSWORD, longAgo).ensureKeystore(NODE),
                NODE.name());

        // when
        X509Certificate renewed = leafOf(store(tempDir).ensureKeystore(NODE), NODE.name());

        // then
        assertThat(old.getNotAfter().toInstant()).isBefore(Instant.now().plus(Duration.ofDays(30)));
        assertThat(renewed.getSerialNumber()).isNotEqualTo(old.getSerialNumber());
        assertThat(renewed.getNotAfter()).isAfter(old.getNotAfter());
    }

    @Test
    void filesHoldingPrivateKeysAreOwnerOnly() {
        // given
        Path sslDir = tempDir.resolve("ssl");
        CertificateStore store = store(sslDir);

        // when
        Path keystore = store.ensureKeystore(NODE);

        // then
        assertThat(permissions(sslDir)).isEqualTo("rwx------");
        assertThat(permissions(sslDir.resolve("ca.p12"))).isEqualTo("rw-------");
        assertThat(permissions(keystore)).isEqualTo("rw-------");
    }

    @Test
    void caPemEqualsTheAuthorityInTheTruststore() throws Exception {
        // given
        CertificateStore store = store(tempDir);

        // when
        store.ensureAuthority();

        // then
        KeyStore truststore = load(store.truststore());
        assertThat(truststore.size()).isEqualTo(1);
        assertThat(truststore.isKeyEntry("ca")).isFalse();
        assertThat(readPem(store.caPem())).isEqualTo(truststore.getCertificate("ca"));
        assertThat(Files.readString(store.caPem())).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void mutualTlsHandshakeWithHostnameVerificationSucceeds() throws Exception {
        // given
        CertificateStore store = store(tempDir);
        SSLContext server = sslContext(store.ensureKeystore(NODE), store.truststore());
        SSLContext client = sslContext(store.ensureKeystore(SERVICE), store.truststore());

        // when
        Handshake handshake = handshake(server, client, "localhost");

        // then
        assertThat(handshake.serverSawClient()).isEqualTo("CN=orders,OU=service,O=Bazaar");
        assertThat(handshake.clientSawServer()).isEqualTo("CN=kafka-1,OU=kafka-node,O=Bazaar");
    }

    @Test
    void clientTrustingAnotherAuthorityFailsTheHandshake() throws Exception {
        // given
        CertificateStore store = store(tempDir.resolve("one"));
        CertificateStore other = store(tempDir.resolve("other"));
        SSLContext server = sslContext(store.ensureKeystore(NODE), store.truststore());
        SSLContext client = sslContext(other.ensureKeystore(SERVICE), other.truststore());

        // when / then
        assertThatThrownBy(() -> handshake(server, client, "localhost")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void hostNameOutsideTheSansFailsTheHandshake() throws Exception {
        // given
        CertificateStore store = store(tempDir);
        SSLContext server = sslContext(store.ensureKeystore(NODE), store.truststore());
        SSLContext client = sslContext(store.ensureKeystore(SERVICE), store.truststore());

        // when / then
        assertThatThrownBy(() -> handshake(server, client, "kafka-2")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void rejectsInvalidIdentities() {
        // given / when / then
        assertThatThrownBy(() -> new TlsIdentity("Kafka_1", "kafka-node", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TlsIdentity("kafka-1", " ", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store(tempDir)
                .ensureKeystore(new TlsIdentity("ca", "kafka-node", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notAfterOfAMissingKeystoreNamesTheFile() {
        // given
        CertificateStore store = store(tempDir);
        store.ensureAuthority();

        // when / then
        assertThatThrownBy(() -> store.notAfter("nobody"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nobody.p12");
    }

    @Test
    void newAuthorityIsKeptUnderItsOwnPasswordWhichNoKeystorePasswordReplaces() throws Exception {
        // given
        CertificateStore store = store(tempDir);

        // when
        store.ensureAuthority();
        store.ensureKeystore(NODE);

        // then
        KeyStore ca = load(tempDir.resolve("ca.p12"), CA_PASSWORD);
        assertThat(ca.getKey("ca", CA_PASSWORD)).as("CA key under the CA password").isNotNull();
        assertThat(ca.getCertificate("ca")).as("CA certificate in ca.p12").isEqualTo(caOf(store));
        assertThatThrownBy(() -> load(tempDir.resolve("ca.p12"), PASSWORD)).as("ca.p12 opened with the keystore password")
                .isInstanceOf(IOException.class).hasCauseInstanceOf(UnrecoverableKeyException.class);
        assertThat(store.notAfter("ca")).as("expiry of the CA").isAfter(Instant.now().plus(Duration.ofDays(4 * 365)));
    }

    @Test
    void authorityUnderTheKeystorePasswordMovesUnderItsOwnAndStaysTheSameCa() throws Exception {
        // given a CA and a leaf as an earlier version wrote them: ca.p12 under the keystore password
        Path leafFile = store(tempDir).ensureKeystore(NODE);
        X509Certificate leafBefore = leafOf(leafFile, NODE.name());
        KeyStore written = load(tempDir.resolve("ca.p12"), CA_PASSWORD);
        X509Certificate caBefore = (X509Certificate) written.getCertificate("ca");
        KeyStore legacy = KeyStore.getInstance("PKCS12");
        legacy.load(null, null);
        legacy.setKeyEntry("ca", written.getKey("ca", CA_PASSWORD), PASSWORD, new Certificate[] {caBefore});
        try (OutputStream out = Files.newOutputStream(tempDir.resolve("ca.p12"))) {
            legacy.store(out, PASSWORD);
        }

        // when
        CertificateStore store = store(tempDir);
        X509Certificate leafAfter = leafOf(store.ensureKeystore(NODE), NODE.name());

        // then
        KeyStore migrated = load(tempDir.resolve("ca.p12"), CA_PASSWORD);
        assertThat(migrated.getCertificate("ca")).as("CA certificate after the move").isEqualTo(caBefore);
        assertThat(migrated.getKey("ca", CA_PASSWORD)).as("CA key after the move")
                .isEqualTo(written.getKey("ca", CA_PASSWORD));
        assertThatThrownBy(() -> load(tempDir.resolve("ca.p12"), PASSWORD)).as("ca.p12 opened with the keystore password")
                .isInstanceOf(IOException.class).hasCauseInstanceOf(UnrecoverableKeyException.class);
        assertThat(leafAfter.getSerialNumber()).as("leaf kept, still signed by the same CA")
                .isEqualTo(leafBefore.getSerialNumber());
        assertThat(caOf(store)).as("CA in the truststore").isEqualTo(caBefore);
        assertThat(permissions(tempDir.resolve("ca.p12"))).as("mode of the rewritten ca.p12").isEqualTo("rw-------");
    }

    @Test
    void authorityOpeningWithNeitherPasswordIsAnErrorNotANewCa() throws Exception {
        // given
        store(tempDir).ensureAuthority();
        byte[] before = Files.readAllBytes(tempDir.resolve("ca.p12"));
        CertificateStore forgotten = new CertificateStore(tempDir, PASSWORD, PASSWORD, "another-ca".toCharArray());

        // when / then
        assertThatThrownBy(forgotten::ensureAuthority).as("CA opened with a wrong CA password")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ca.p12")
                .hasMessageContaining("neither the CA password nor the keystore password");
        assertThat(Files.readAllBytes(tempDir.resolve("ca.p12"))).as("ca.p12 left as it was").isEqualTo(before);
    }

    @Test
    void caPasswordEqualToTheKeystorePasswordIsRefused() {
        // given / when / then
        assertThatThrownBy(() -> new CertificateStore(tempDir, PASSWORD, "truststore".toCharArray(), PASSWORD.clone()))
                .as("CA password equal to the keystore password")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }

    private record Handshake(String serverSawClient, String clientSawServer) {
    }

    /** Runs one mutual-TLS handshake on 127.0.0.1, the client verifying the server as {@code hostName}. */
    private static Handshake handshake(SSLContext serverContext, SSLContext clientContext, String hostName)
            throws Exception {
        try (ExecutorService executor = Executors.newSingleThreadExecutor();
                SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                        .createServerSocket(0, 1, loopback())) {
            server.setNeedClientAuth(true);
            server.setSoTimeout(TIMEOUT_MILLIS);
            Future<String> serverSide = executor.submit(() -> acceptAndIdentifyPeer(server));
            String clientSawServer;
            try (SSLSocket client = connect(clientContext, hostName, server.getLocalPort())) {
                client.startHandshake();
                clientSawServer = client.getSession().getPeerPrincipal().getName();
                assertThat(client.getInputStream().read()).isEqualTo(1);
            }
            // only after the client closed: the server's close waits for the client's close_notify
            return new Handshake(serverSide.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), clientSawServer);
        }
    }

    private static String acceptAndIdentifyPeer(SSLServerSocket server) throws IOException {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            String peer = socket.getSession().getPeerPrincipal().getName();
            socket.getOutputStream().write(1);
            socket.getOutputStream().flush();
            return peer;
        }
    }

    private static SSLSocket connect(SSLContext context, String hostName, int port) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(loopback(), port), TIMEOUT_MILLIS);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostName, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }

    private static SSLContext sslContext(Path keystore, Path truststore) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(load(keystore), PASSWORD);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(load(truststore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    /** A store as the platform makes it: leaves and truststore under one password, the CA under its own. */
    private static CertificateStore store(Path sslDir) {
        return new CertificateStore(sslDir, PASSWORD, PASSWORD, CA_PASSWORD);
    }

    private static KeyStore load(Path file) throws Exception {
        return load(file, PASSWORD);
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static X509Certificate leafOf(Path keystore, String alias) throws Exception {
        return (X509Certificate) load(keystore).getCertificate(alias);
    }

    private static X509Certificate caOf(CertificateStore store) throws Exception {
        return (X509Certificate) load(store.truststore()).getCertificate("ca");
    }

    private static X509Certificate readPem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
