package dev.bazaar.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that cannot work stop the service at start with the key named. */
class ClientConfigTest {

    private static final Duration FIVE = Duration.ofSeconds(5);

    @Test
    void defaultsWork() {
        ClientConfig config = new ClientConfig("var", 10, FIVE, FIVE, null, FIVE, null, "items", "AUTO");
        assertThat(config.elasticsearch()).as("Elasticsearch from the platform").isEmpty();
        assertThat(config.maxPage()).as("last page within Elasticsearch's result window").isEqualTo(1000);
    }

    @Test
    void negativeRecommendationsWaitNamesTheKey() {
        assertThatThrownBy(() -> new ClientConfig("var", 10, Duration.ofSeconds(-1), FIVE, null, FIVE, null, "items", "AUTO"))
                .as("negative wait").hasMessageContaining("client.recommendations-wait");
    }

    @Test
    void zeroTimeoutsNameTheirKeys() {
        assertThatThrownBy(() -> new ClientConfig("var", 10, FIVE, Duration.ZERO, null, FIVE, null, "items", "AUTO"))
                .as("zero publish timeout").hasMessageContaining("client.publish-timeout");
        assertThatThrownBy(() -> new ClientConfig("var", 10, FIVE, FIVE, null, Duration.ZERO, null, "items", "AUTO"))
                .as("zero Elasticsearch timeout").hasMessageContaining("client.elasticsearch-timeout");
    }

    @Test
    void elasticsearchUrlMustBeHttp() {
        assertThatThrownBy(() -> new ClientConfig("var", 10, FIVE, FIVE, "localhost:9200", FIVE, null, "items", "AUTO"))
                .as("no scheme").hasMessageContaining("client.elasticsearch-url");
        assertThat(new ClientConfig("var", 10, FIVE, FIVE, " http://127.0.0.1:9200 ", FIVE, null, "items", "AUTO")
                .elasticsearch()).as("configured node").hasValue("http://127.0.0.1:9200");
    }

    @Test
    void fuzzinessIsWhatElasticsearchTakes() {
        assertThatThrownBy(() -> new ClientConfig("var", 10, FIVE, FIVE, null, FIVE, null, "items", "3"))
                .as("fuzziness 3").hasMessageContaining("client.fuzziness");
        assertThat(new ClientConfig("var", 10, FIVE, FIVE, null, FIVE, null, "items", "auto").fuzziness())
                .as("any case").isEqualTo("AUTO");
    }

    @Test
    void anElasticsearchUserIsOptionalAndANameThatIsNoneIsRefusedNamingTheKey() {
        assertThat(new ClientConfig("var", 10, FIVE, FIVE, null, FIVE, null, "items", "AUTO").elasticsearchLogin()).isEmpty();
        assertThat(new ClientConfig("var", 10, FIVE, FIVE, null, FIVE, " elastic ", "items", "AUTO").elasticsearchLogin())
                .contains("elastic");
        assertThatThrownBy(() -> new ClientConfig("var", 10, FIVE, FIVE, null, FIVE, "../etc", "items", "AUTO"))
                .hasMessageContaining("client.elasticsearch-user").hasMessageContaining("../etc");
    }
}
