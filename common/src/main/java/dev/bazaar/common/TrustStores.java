package dev.bazaar.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds TLS contexts that trust the platform CA, for the HTTP clients of platform services. */
public final class TrustStores {

    private TrustStores() {
    }

    /** A TLS context trusting the certificates of a PKCS12 truststore; hostname checks stay the client's. */
    public static SSLContext sslContext(Path truststore, String password) {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the truststore " + truststore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the truststore " + truststore + ": " + e.getMessage(), e);
        }
    }
}
