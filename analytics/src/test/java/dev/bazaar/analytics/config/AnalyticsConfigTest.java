package dev.bazaar.analytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AnalyticsConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        // when
        AnalyticsConfig config = new AnalyticsConfig(Map.of());

        // then
        assertThat(config.ordersPath()).as("orders path: the platform's HDFS").isEmpty();
        assertThat(config.period()).as("period").isEqualTo(Duration.ofDays(30));
        assertThat(config.maxRecommendations()).as("recommendations per customer").isEqualTo(10);
        assertThat(config.minOrders()).as("orders for personal recommendations").isEqualTo(2);
        assertThat(config.topProducts()).as("top products").isEqualTo(10);
        assertThat(config.nameLanguage()).as("name language").isEqualTo(NameLanguage.EN);
        assertThat(config.kafkaTimeout()).as("Kafka timeout").isEqualTo(Duration.ofSeconds(60));
        assertThat(config.sparkMaster()).as("Spark master").isEqualTo("local[2]");
        assertThat(config.sparkUiEnabled()).as("Spark UI").isFalse();
        assertThat(config.sparkDriverPort()).as("driver port: any free").isZero();
        assertThat(config.sparkBlockManagerPort()).as("block manager port: any free").isZero();
        assertThat(config.every()).as("schedule").isEqualTo(Duration.ofMinutes(5));
        assertThat(config.jobTimeout()).as("run timeout").isEqualTo(Duration.ofMinutes(30));
        assertThat(config.jobHeap()).as("run heap").isEqualTo("1g");
    }

    @Test
    void eachSettingComesFromItsEnvironmentVariable() {
        // given
        Map<String, String> env = Map.of("BAZAAR_ANALYTICS_EVERY", "90s", "BAZAAR_ANALYTICS_PERIOD", "P7D",
                "BAZAAR_ANALYTICS_RECOMMENDATIONS_MAX", "5", "BAZAAR_ANALYTICS_REPORT_NAME_LANGUAGE", "RU",
                "BAZAAR_VAR", "/somewhere", "PATH", "/usr/bin");

        // when
        AnalyticsConfig config = new AnalyticsConfig(AnalyticsConfig.fromEnvironment(env));

        // then
        assertThat(config.every()).as("BAZAAR_ANALYTICS_EVERY").isEqualTo(Duration.ofSeconds(90));
        assertThat(config.period()).as("BAZAAR_ANALYTICS_PERIOD").isEqualTo(Duration.ofDays(7));
        assertThat(config.maxRecommendations()).as("BAZAAR_ANALYTICS_RECOMMENDATIONS_MAX").isEqualTo(5);
        assertThat(config.nameLanguage()).as("BAZAAR_ANALYTICS_REPORT_NAME_LANGUAGE").isEqualTo(NameLanguage.RU);
        assertThat(AnalyticsConfig.environmentVariable(AnalyticsConfig.SPARK_BLOCK_MANAGER_PORT))
                .as("variable of analytics.spark.block.manager.port")
                .isEqualTo("BAZAAR_ANALYTICS_SPARK_BLOCK_MANAGER_PORT");
        assertThat(config.isSet(AnalyticsConfig.PERIOD)).as("period given").isTrue();
        assertThat(config.isSet(AnalyticsConfig.SPARK_MASTER)).as("master given").isFalse();
    }

    @Test
    void durationsReadInEitherForm() {
        assertThat(Durations.parse("PT5M")).as("PT5M").isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("5m")).as("5m").isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse(" 30d ")).as("30d").isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("p30d")).as("p30d").isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("1500ms")).as("1500ms").isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.format(Duration.ofMinutes(5))).as("format 5 minutes").isEqualTo("5m");
        assertThat(Durations.format(Duration.ofSeconds(90))).as("format 90 seconds").isEqualTo("90s");
    }

    @Test
    void aBadValueFailsNamingItsKeyAndWhatIsAccepted() {
        assertRefused(AnalyticsConfig.PERIOD, "a month", "expected an ISO-8601 duration");
        assertRefused(AnalyticsConfig.PERIOD, "10s", "must be at least 1m");
        assertRefused(AnalyticsConfig.EVERY, "5s", "must be at least 10s");
        assertRefused(AnalyticsConfig.RECOMMENDATIONS_MAX, "0", "Value must be at least 1");
        assertRefused(AnalyticsConfig.RECOMMENDATIONS_MAX, "101", "Value must be no more than 100");
        assertRefused(AnalyticsConfig.RECOMMENDATIONS_MAX, "ten", "Not a number of type INT");
        assertRefused(AnalyticsConfig.REPORT_NAME_LANGUAGE, "de", "must be one of en, ru");
        assertRefused(AnalyticsConfig.SPARK_DRIVER_PORT, "70000", "Value must be no more than 65535");
        assertRefused(AnalyticsConfig.SPARK_UI_ENABLED, "maybe", "Expected value to be either true or false");
        assertRefused(AnalyticsConfig.JOB_HEAP, "lots", "must be a size such as 1g or 768m");
        assertRefused(AnalyticsConfig.ORDERS_PATH, "/data/orders", "must be a URL with a scheme");
        assertRefused(AnalyticsConfig.ORDERS_PATH, "hdfs://127.0.0.1:9020 /data", "is not a URL");
    }

    @Test
    void anOrdersFolderIsAnyHadoopUrl() {
        // when
        AnalyticsConfig hdfs = new AnalyticsConfig(Map.of(AnalyticsConfig.ORDERS_PATH, "hdfs://127.0.0.1:9020/data/orders"));
        AnalyticsConfig local = new AnalyticsConfig(Map.of(AnalyticsConfig.ORDERS_PATH, "file:///tmp/orders"));

        // then
        assertThat(hdfs.ordersPath()).as("HDFS").contains("hdfs://127.0.0.1:9020/data/orders");
        assertThat(local.ordersPath()).as("local folder").contains("file:///tmp/orders");
    }

    private static void assertRefused(String key, String value, String why) {
        assertThatThrownBy(() -> new AnalyticsConfig(Map.of(key, value)))
                .as("%s=%s", key, value)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(why);
    }
}
