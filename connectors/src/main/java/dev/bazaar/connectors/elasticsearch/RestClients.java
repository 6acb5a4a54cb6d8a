package dev.bazaar.connectors.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Builds the low-level HTTP client a configuration describes: nodes, timeouts, TLS trust and basic
 * auth, with no retries of its own so that the task's retry policy is the only one.
 */
final class RestClients {

    private RestClients() {
    }

    /**
     * A client for the configured nodes.
     *
     * @throws ConnectException when the trust store cannot be read
     */
    static Rest5Client build(ElasticsearchSinkConfig config) {
        Rest5ClientBuilder builder = Rest5Client.builder(config.urls())
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.ofMilliseconds(config.connectionTimeout().toMillis())))
                .setRequestConfigCallback(request -> request
                        .setResponseTimeout(Timeout.ofMilliseconds(config.readTimeout().toMillis())))
                // Apache HttpClient would retry 429 and 503 once by itself, after a second: the task retries
                .setHttpClientConfigCallback(HttpAsyncClientBuilder::disableAutomaticRetries);
        config.username().ifPresent(user -> builder.setDefaultHeaders(
                new Header[] {basicAuthorization(user, config.password().orElseThrow())}));
        config.truststorePath().ifPresent(path -> builder.setSSLContext(sslContext(path,
                config.truststoreType(), config.truststorePassword())));
        return builder.build();
    }

    private static Header basicAuthorization(String user, Password password) {
        String credentials = user + ":" + password.value();
        String encoded = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + encoded);
    }

    private static SSLContext sslContext(Path truststore, String type, Optional<Password> password) {
        char[] secret = password.map(p -> p.value().toCharArray()).orElse(null);
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectException("Cannot load the trust store " + truststore + " (" + type + ") named by "
                    + ElasticsearchSinkConfig.TRUSTSTORE_PATH + ": " + e.getMessage(), e);
        }
    }
}
