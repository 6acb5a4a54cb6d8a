package dev.bazaar.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {

    @TempDir
    Path var;

    @Test
    void embeddedConnectionUsesTheRecordedEndpointsAndGeneratedSecrets() {
        // given a platform that wrote its endpoints
        RuntimeLayout layout = new RuntimeLayout(var);
        new PlatformEndpoints("127.0.0.1:9092,127.0.0.1:9093", "127.0.0.1:9192", "https://127.0.0.1:9081").store(layout);

        // when the shop principal connects to each cluster
        KafkaConnection main = KafkaConnection.embedded(layout, Cluster.MAIN, "shop");
        KafkaConnection mirror = KafkaConnection.embedded(layout, Cluster.MIRROR, "shop");

        // then it gets SASL_SSL with SCRAM-SHA-512, its own password and the platform truststore
        Map<String, String> config = main.clientConfig();
        assertThat(config).as("java client config")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092,127.0.0.1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", layout.truststore().toString())
                .containsEntry("ssl.endpoint.identification.algorithm", "https");
        assertThat(config.get("sasl.jaas.config")).as("jaas line")
                .contains("username=\"shop\"", "password=\"" + layout.secrets().password("shop") + "\"");
        assertThat(mirror.bootstrapServers()).as("mirror bootstrap").isEqualTo("127.0.0.1:9192");
        assertThat(main.toString()).as("toString never shows the password").doesNotContain(main.password());
    }

    @Test
    void librdkafkaConfigNamesTheCaPem() {
        KafkaConnection connection = new KafkaConnection("h:1", "ops", "pw", Path.of("/t.p12"), "tp");
        assertThat(connection.librdkafkaConfig(Path.of("/ca.pem"))).as("librdkafka config")
                .containsEntry("security.protocol", "sasl_ssl")
                .containsEntry("sasl.mechanisms", "SCRAM-SHA-512")
                .containsEntry("sasl.username", "ops")
                .containsEntry("sasl.password", "pw")
                .containsEntry("ssl.ca.location", "/ca.pem");
    }

    @Test
    void jaasLineQuotesPasswordsSafely() {
        assertThat(KafkaConnection.jaasConfig("u", "a\"b\\c")).as("escaped jaas line")
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" "
                        + "password=\"a\\\"b\\\\c\";");
    }

    @Test
    void externalClusterComesFromTheEnvironmentAndNamesWhatIsMissing() {
        // given an environment naming an external main cluster
        Map<String, String> env = Map.of("BAZAAR_MAIN_BOOTSTRAP_SERVERS", "kafka.example:9093",
                "BAZAAR_SHOP_PASSWORD", "s3cret", "BAZAAR_TRUSTSTORE", "/etc/bazaar/ts.p12",
                "BAZAAR_TRUSTSTORE_PASSWORD", "tp");

        // when shop resolves its connection
        KafkaConnection connection = KafkaConnection.resolve(env, new RuntimeLayout(var), Cluster.MAIN, "shop");

        // then it uses the external cluster; a missing variable is named
        assertThat(connection.bootstrapServers()).as("external bootstrap").isEqualTo("kafka.example:9093");
        assertThat(connection.password()).as("external password").isEqualTo("s3cret");
        assertThatThrownBy(() -> KafkaConnection.resolve(Map.of("BAZAAR_MAIN_BOOTSTRAP_SERVERS", "k:1"),
                new RuntimeLayout(var), Cluster.MAIN, "shop"))
                .as("external cluster without a password").hasMessageContaining("BAZAAR_SHOP_PASSWORD");
    }

    @Test
    void platformThatNeverStartedIsExplained() {
        assertThatThrownBy(() -> KafkaConnection.embedded(new RuntimeLayout(var), Cluster.MAIN, "shop"))
                .as("no endpoints file").hasMessageContaining("./bazaar up");
    }
}
