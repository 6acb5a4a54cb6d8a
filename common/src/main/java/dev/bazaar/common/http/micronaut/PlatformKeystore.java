package dev.bazaar.common.http.micronaut;

import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import io.micronaut.http.ssl.ServerSslConfiguration;
import io.micronaut.http.ssl.SslConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The keystore the launcher issued from the platform CA for a Micronaut server
 * ({@code var/ssl/<identity>.p12}), set on its SSL configuration from the runtime layout so that no
 * path or password is in a committed file: for services secured by {@link ServiceSecurity} and for
 * those that sign their users in otherwise (the console).
 */
public final class PlatformKeystore {

    private PlatformKeystore() {
    }

    /** {@code ssl} serving the keystore of {@code identity}; fails when the launcher has not issued it. */
    public static ServerSslConfiguration apply(ServerSslConfiguration ssl, RuntimeLayout layout, String identity) {
        Path keystore = PlatformTls.keystore(layout, identity);
        if (!Files.isReadable(keystore)) {
            throw new IllegalStateException("no keystore at " + keystore + ": './bazaar up' issues it from the platform CA");
        }
        SslConfiguration.KeyStoreConfiguration store = new SslConfiguration.KeyStoreConfiguration();
        store.setPath("file:" + keystore);
        store.setType("PKCS12");
        store.setPassword(PlatformTls.keystorePassword(layout));
        ssl.setKeyStore(store);
        return ssl;
    }
}
