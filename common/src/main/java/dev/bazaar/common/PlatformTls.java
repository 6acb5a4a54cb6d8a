package dev.bazaar.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS of the platform's HTTP edge in one place: servers present the keystore the launcher issued for
 * them from the platform CA ({@code var/ssl/<identity>.p12}), clients trust that CA and keep the
 * JDK's hostname verification on (every certificate names {@code localhost} and {@code 127.0.0.1}).
 */
public final class PlatformTls {

    /** The secret of the keystores' password; clients never receive it. */
    public static final String KEYSTORE_SECRET = "keystore";
    /** TCP and TLS handshake together (the JDK's client counts both): a busy two-core laptop may need seconds. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private PlatformTls() {
    }

    /** A TLS context that trusts the platform CA, for clients. */
    public static SSLContext clientContext(RuntimeLayout layout) {
        return TrustStores.sslContext(layout.truststore(), layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    /** An HTTP/1.1 client trusting the platform CA, hostname verification on. */
    public static HttpClient httpClient(RuntimeLayout layout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .sslContext(clientContext(layout)).build();
    }

    /** The keystore the launcher issued for {@code identity} (e.g. {@code shop-api}). */
    public static Path keystore(RuntimeLayout layout, String identity) {
        return layout.keystore(identity);
    }

    /** The password of every keystore the launcher issues. */
    public static String keystorePassword(RuntimeLayout layout) {
        return layout.secrets().password(KEYSTORE_SECRET);
    }

    /** A TLS context presenting the certificate of {@code identity}, for servers. */
    public static SSLContext serverContext(RuntimeLayout layout, String identity) {
        Path file = keystore(layout, identity);
        char[] password = keystorePassword(layout).toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keystore " + file + " (issued by ./bazaar up)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
