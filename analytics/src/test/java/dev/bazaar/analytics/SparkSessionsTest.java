package dev.bazaar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.analytics.config.AnalyticsConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @AfterEach
    void forgetSparkSubmit() {
        System.clearProperty("spark.master");
        System.clearProperty("spark.sql.shuffle.partitions");
    }

    @Test
    void onOneMachineSparkRunsInTheJobsJvmOnLoopbackWithoutUi() {
        // when
        SparkConf conf = SparkSessions.conf(new AnalyticsConfig(Map.of()), Map.of());

        // then
        assertThat(conf.get("spark.master")).as("master").isEqualTo("local[2]");
        assertThat(conf.get("spark.driver.host")).as("driver host").isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.driver.bindAddress")).as("driver bind address").isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.ui.enabled")).as("UI").isEqualTo("false");
        assertThat(conf.get("spark.driver.port")).as("driver port: any free").isEqualTo("0");
        assertThat(conf.get("spark.blockManager.port")).as("block manager port: any free").isEqualTo("0");
        assertThat(conf.get("spark.sql.shuffle.partitions")).as("shuffle partitions").isEqualTo("4");
        assertThat(conf.get("spark.sql.session.timeZone")).as("time zone").isEqualTo("UTC");
    }

    @Test
    void whatSparkSubmitPassesIsKeptUnlessTheJobsKeyIsGiven() {
        // given spark-submit's settings, which reach the driver as system properties
        System.setProperty("spark.master", "spark://cluster:7077");
        System.setProperty("spark.sql.shuffle.partitions", "64");

        // when
        SparkConf submitted = SparkSessions.conf(new AnalyticsConfig(Map.of()), Map.of());
        SparkConf overridden = SparkSessions.conf(new AnalyticsConfig(Map.of(AnalyticsConfig.SPARK_MASTER, "local[1]",
                AnalyticsConfig.SPARK_SHUFFLE_PARTITIONS, "3")), Map.of());

        // then
        assertThat(submitted.get("spark.master")).as("spark-submit's master").isEqualTo("spark://cluster:7077");
        assertThat(submitted.get("spark.sql.shuffle.partitions")).as("spark-submit's partitions").isEqualTo("64");
        assertThat(submitted.contains("spark.driver.host")).as("driver host left to the cluster").isFalse();
        assertThat(overridden.get("spark.master")).as("analytics.spark.master given").isEqualTo("local[1]");
        assertThat(overridden.get("spark.sql.shuffle.partitions")).as("partitions given").isEqualTo("3");
    }

    @Test
    void theUiOnlyRunsWhereSparkLocalIpPinsIt() {
        // given
        AnalyticsConfig ui = new AnalyticsConfig(Map.of(AnalyticsConfig.SPARK_UI_ENABLED, "true",
                AnalyticsConfig.SPARK_UI_PORT, "26540"));

        // when
        SparkConf pinned = SparkSessions.conf(ui, Map.of("SPARK_LOCAL_IP", "127.0.0.1"));

        // then
        assertThat(pinned.get("spark.ui.enabled")).as("UI").isEqualTo("true");
        assertThat(pinned.get("spark.ui.port")).as("UI port").isEqualTo("26540");
        assertThatThrownBy(() -> SparkSessions.conf(ui, Map.of()))
                .as("the UI without SPARK_LOCAL_IP")
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AnalyticsConfig.SPARK_UI_ENABLED)
                .hasMessageContaining("SPARK_LOCAL_IP=127.0.0.1");
    }
}
