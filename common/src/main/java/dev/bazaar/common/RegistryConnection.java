package dev.bazaar.common;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a client reaches the schema registry over HTTPS: its base URL, the HTTP basic credentials of
 * one registry user (admin, developer or read-only) and the truststore that verifies its certificate;
 * the embedded registry or an external one.
 */
public record RegistryConnection(String url, String username, String password, Path truststore,
        String truststorePassword) {

    /** The Confluent-compatible API under the registry base URL. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    public RegistryConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(truststorePassword, "truststorePassword");
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The embedded registry, as {@code user} (one of {@link RegistryUser}). */
    public static RegistryConnection embedded(RuntimeLayout layout, RegistryUser user) {
        return new RegistryConnection(PlatformEndpoints.load(layout).registryUrl(), user.username(),
                layout.secrets().password(user.secretName()), layout.truststore(),
                layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    /**
     * The registry from the environment when it names an external one ({@code BAZAAR_REGISTRY_URL}),
     * otherwise the embedded one. An external registry also takes {@code BAZAAR_REGISTRY_<USER>_PASSWORD}
     * ({@code <USER>} is {@code ADMIN}, {@code DEVELOPER} or {@code READONLY}), optionally
     * {@code BAZAAR_REGISTRY_<USER>_USERNAME} (by default the embedded name, such as {@code readonly}), and
     * the PKCS12 truststore of its CA: {@code BAZAAR_REGISTRY_TRUSTSTORE} and
     * {@code BAZAAR_REGISTRY_TRUSTSTORE_PASSWORD}, or else the external clusters' {@code BAZAAR_TRUSTSTORE}
     * and {@code BAZAAR_TRUSTSTORE_PASSWORD}. A missing or bad variable fails naming it, and so does a
     * registry variable set without {@code BAZAAR_REGISTRY_URL}.
     */
    public static RegistryConnection resolve(Map<String, String> env, RuntimeLayout layout, RegistryUser user) {
        return RegistryEnvironment.external(env, user).orElseGet(() -> embedded(layout, user));
    }

    /** The HTTP basic {@code Authorization} header of this user. */
    public String authorization() {
        return BasicAuth.header(username, password);
    }

    /** A TLS context that trusts the platform CA, for HTTP clients of the registry. */
    public SSLContext sslContext() {
        return TrustStores.sslContext(truststore, truststorePassword);
    }

    /**
     * Settings of the Apicurio JSON Schema serdes: the core API, these credentials, the truststore,
     * validation on, the Confluent wire format (magic byte and 4-byte content id).
     */
    public Map<String, String> serdeConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("apicurio.registry.url", coreApiUrl());
        config.put("apicurio.registry.auth.username", username);
        config.put("apicurio.registry.auth.password", password);
        config.put("apicurio.registry.tls.truststore.location", truststore.toString());
        config.put("apicurio.registry.tls.truststore.type", "PKCS12");
        config.put("apicurio.registry.tls.truststore.password", truststorePassword);
        config.put("apicurio.registry.serde.validation-enabled", "true");
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.deserializer.value.return-class", "com.fasterxml.jackson.databind.JsonNode");
        return config;
    }

    public String ccompatUrl() {
        return url + CCOMPAT_PATH;
    }

    /** The core v3 API, which the Apicurio serdes speak. */
    public String coreApiUrl() {
        return url + "/apis/registry/v3";
    }

    @Override
    public String toString() {
        return "RegistryConnection[" + username + "@" + url + "]";
    }
}
