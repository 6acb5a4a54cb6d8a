package dev.bazaar.common;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How one principal reaches one Kafka cluster over SASL_SSL with SCRAM-SHA-512: the single place
 * that turns a principal into client properties, for the embedded platform and external clusters.
 */
public record KafkaConnection(
        String bootstrapServers, String username, String password, Path truststore, String truststorePassword) {

    public static final String SECURITY_PROTOCOL = "SASL_SSL";
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";
    /** The secret that protects the integrity of the generated truststore. */
    public static final String TRUSTSTORE_SECRET = "truststore";

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(truststorePassword, "truststorePassword");
    }

    /** The connection of {@code principal} to the embedded platform that {@code ./bazaar up} runs. */
    public static KafkaConnection embedded(RuntimeLayout layout, Cluster cluster, String principal) {
        PlatformEndpoints endpoints = PlatformEndpoints.load(layout);
        Secrets secrets = layout.secrets();
        return new KafkaConnection(endpoints.bootstrap(cluster), principal, secrets.password(principal),
                layout.truststore(), secrets.password(TRUSTSTORE_SECRET));
    }

    /**
     * The connection from the environment when it names an external cluster
     * ({@code BAZAAR_MAIN_BOOTSTRAP_SERVERS} or {@code BAZAAR_MIRROR_BOOTSTRAP_SERVERS}), otherwise the embedded one.
     * External clusters also take {@code BAZAAR_<PRINCIPAL>_PASSWORD}, {@code BAZAAR_TRUSTSTORE} and
     * {@code BAZAAR_TRUSTSTORE_PASSWORD}.
     */
    public static KafkaConnection resolve(Map<String, String> env, RuntimeLayout layout, Cluster cluster,
            String principal) {
        String bootstrap = env.get("BAZAAR_" + cluster.name() + "_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            return embedded(layout, cluster, principal);
        }
        String passwordKey = "BAZAAR_" + principal.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
        return new KafkaConnection(bootstrap, principal, requiredEnv(env, passwordKey),
                Path.of(requiredEnv(env, "BAZAAR_TRUSTSTORE")), requiredEnv(env, "BAZAAR_TRUSTSTORE_PASSWORD"));
    }

    /** Properties for the Java clients (producer, consumer, admin, Streams, Connect). */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.putAll(clientConfig());
        return props;
    }

    /** The same as {@link #clientProperties()}, in insertion order, for printing. */
    public Map<String, String> clientConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", SECURITY_PROTOCOL);
        config.put("sasl.mechanism", SASL_MECHANISM);
        config.put("sasl.jaas.config", jaasConfig(username, password));
        config.put("ssl.truststore.location", truststore.toString());
        config.put("ssl.truststore.type", "PKCS12");
        config.put("ssl.truststore.password", truststorePassword);
        config.put("ssl.endpoint.identification.algorithm", "https");
        return config;
    }

    /** Properties for librdkafka-based clients such as kcat, which want the CA as a PEM file. */
    public Map<String, String> librdkafkaConfig(Path caPem) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", SECURITY_PROTOCOL.toLowerCase(Locale.ROOT));
        config.put("sasl.mechanisms", SASL_MECHANISM);
        config.put("sasl.username", username);
        config.put("sasl.password", password);
        config.put("ssl.ca.location", caPem.toString());
        config.put("ssl.endpoint.identification.algorithm", "https");
        return config;
    }

    /** The JAAS line of a SCRAM login, quoting the values so any generated password is safe in it. */
    public static String jaasConfig(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + escape(username) + "\" password=\"" + escape(password) + "\";";
    }

    @Override
    public String toString() {
        return "KafkaConnection[" + username + "@" + bootstrapServers + "]";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String requiredEnv(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + key
                    + " is required when an external cluster is configured");
        }
        return value;
    }
}
