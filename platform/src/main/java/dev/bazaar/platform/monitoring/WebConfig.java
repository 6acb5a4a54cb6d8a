package dev.bazaar.platform.monitoring;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.process.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The {@code --web.config.file} of a Prometheus-family server (the exporter toolkit's format): HTTPS
 * with the certificate the launcher issued for it (exported from its PKCS12 keystore to PEM, the key
 * 0600) and HTTP basic users with bcrypt hashes of their generated passwords, so that no query,
 * silence or scrape is answered without a credential.
 */
public final class WebConfig {

    /**
     * Who may call the servers: the operator, Prometheus itself (scrapes, alerts to Alertmanager) and
     * the console (queries for its dashboards, alerts and silences, for users its role table allows).
     */
    static final List<HttpUser> USERS = List.of(HttpUser.ADMIN, HttpUser.METRICS, HttpUser.CONSOLE);
    private static final int BCRYPT_COST = 10;

    private WebConfig() {
    }

    /** Writes {@code <conf>/web.yml}, {@code tls.crt} and {@code tls.key} for {@code identity}; returns the web config file. */
    static Path write(RuntimeLayout layout, String identity) {
        Path dir = layout.confDir(identity);
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        exportPem(layout, identity, cert, key);
        StringBuilder yaml = new StringBuilder("# written by ./bazaar up: HTTPS and basic auth of ").append(identity)
                .append('\n').append("tls_server_config:\n")
                .append("  cert_file: ").append(cert).append('\n')
                .append("  key_file: ").append(key).append('\n')
                .append("  min_version: TLS12\n")
                .append("basic_auth_users:\n");
        for (HttpUser user : USERS) {
            yaml.append("  ").append(user.name()).append(": ")
                    .append(BCrypt.hashpw(user.password(layout), BCrypt.gensalt(BCRYPT_COST))).append('\n');
        }
        Path file = dir.resolve("web.yml");
        PrivateFiles.write(file, yaml.toString());
        return file;
    }

    /** The key (PEM, 0600) and certificate chain (PEM) of {@code identity}'s keystore, for servers that read PEM. */
    public static void exportPem(RuntimeLayout layout, String identity, Path certFile, Path keyFile) {
        Path keystore = PlatformTls.keystore(layout, identity);
        char[] password = PlatformTls.keystorePassword(layout).toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Key key = store.getKey(identity, password);
            StringBuilder chain = new StringBuilder();
            for (Certificate certificate : store.getCertificateChain(identity)) {
                chain.append(pem("CERTIFICATE", certificate.getEncoded()));
            }
            PrivateFiles.write(certFile, chain.toString());
            PrivateFiles.write(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot export the key of " + identity + " from " + keystore + ": "
                    + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
