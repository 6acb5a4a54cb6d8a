package dev.bazaar.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JMX exporter rules of {@code prometheus/jmx/} turn the MBeans that Kafka 4.3 nodes, Connect
 * and MirrorMaker 2 register (as the exporter 1.0.1 writes them: {@code domain<key=value, ...><>attribute: value})
 * into the metric names and labels the alert rules and dashboards query. The rules are applied as
 * the exporter applies them: the first rule whose pattern matches, unanchored, names the metric.
 */
class JmxExporterRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path JMX = MonitoringFiles.prometheus().resolve("jmx");

    /** An MBean attribute as the exporter matches it, and the series it must become. */
    private record Case(String file, String mbeanAttribute, String series) {
    }

    private static final List<Case> CASES = List.of(
            broker("kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value: 0",
                    "kafka_server_replicamanager_underreplicatedpartitions{}"),
            broker("kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value: 0",
                    "kafka_server_replicamanager_underminisrpartitioncount{}"),
            broker("kafka.server<type=ReplicaManager, name=LeaderCount><>Value: 12", "kafka_server_replicamanager_leadercount{}"),
            broker("kafka.server<type=ReplicaManager, name=IsrShrinksPerSec><>Count: 3", "kafka_server_replicamanager_isrshrinks_total{}"),
            broker("kafka.controller<type=KafkaController, name=ActiveControllerCount><>Value: 1",
                    "kafka_controller_kafkacontroller_activecontrollercount{}"),
            broker("kafka.controller<type=KafkaController, name=OfflinePartitionsCount><>Value: 0",
                    "kafka_controller_kafkacontroller_offlinepartitionscount{}"),
            broker("kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec, topic=items><>Count: 10",
                    "kafka_server_brokertopicmetrics_bytesin_total{topic=items}"),
            broker("kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec><>Count: 10",
                    "kafka_server_brokertopicmetrics_bytesin_total{}"),
            broker("kafka.server<type=BrokerTopicMetrics, name=MessagesInPerSec, topic=orders><>Count: 10",
                    "kafka_server_brokertopicmetrics_messagesin_total{topic=orders}"),
            broker("kafka.network<type=RequestMetrics, name=TotalTimeMs, request=Produce><>99thPercentile: 4.5",
                    "kafka_network_requestmetrics_totaltimems{quantile=0.99, request=Produce}"),
            broker("kafka.network<type=RequestMetrics, name=TotalTimeMs, request=FetchFollower><>50thPercentile: 500",
                    "kafka_network_requestmetrics_totaltimems{quantile=0.50, request=FetchFollower}"),
            broker("kafka.server<type=KafkaRequestHandlerPool, name=RequestHandlerAvgIdlePercent><>OneMinuteRate: 0.98",
                    "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent{}"),
            broker("kafka.network<type=SocketServer, name=NetworkProcessorAvgIdlePercent><>Value: 0.99",
                    "kafka_network_socketserver_networkprocessoravgidlepercent{}"),
            broker("kafka.log<type=Log, name=Size, topic=items, partition=3><>Value: 1024",
                    "kafka_log_log_size{partition=3, topic=items}"),
            connect("kafka.connect<type=connector-metrics, connector=search-sink><>status: running",
                    "kafka_connect_connector_status{connector=search-sink, state=running}"),
            connect("kafka.connect<type=connector-task-metrics, connector=search-sink, task=1><>status: failed",
                    "kafka_connect_task_status{connector=search-sink, state=failed, task=1}"),
            connect("kafka.connect<type=sink-task-metrics, connector=search-sink, task=0><>sink-record-read-total: 7",
                    "kafka_connect_sink_task_metrics_sink_record_read_total{connector=search-sink, task=0}"),
            connect("kafka.connect<type=task-error-metrics, connector=search-sink, task=0><>deadletterqueue-produce-requests: 1",
                    "kafka_connect_task_error_metrics_deadletterqueue_produce_requests{connector=search-sink, task=0}"),
            connect("kafka.connect<type=connect-worker-metrics, connector=search-sink><>connector-failed-task-count: 0",
                    "kafka_connect_worker_connector_connector_failed_task_count{connector=search-sink}"),
            connect("kafka.consumer<type=consumer-fetch-manager-metrics, client-id=connector-consumer-search-sink-0, "
                    + "topic=filtered-items, partition=2><>records-lag: 5",
                    "kafka_consumer_records_lag{client_id=connector-consumer-search-sink-0, partition=2, topic=filtered-items}"),
            mirror("kafka.connect<type=connector-metrics, connector=MirrorSourceConnector><>status: running",
                    "kafka_connect_connector_status{connector=MirrorSourceConnector, state=running}"),
            mirror("kafka.connect.mirror<type=MirrorSourceConnector, source=main, target=mirror, topic=main.items, "
                    + "partition=0><>replication-latency-ms-max: 31",
                    "kafka_connect_mirror_source_replication_latency_ms_max{partition=0, source=main, target=mirror, topic=main.items}"),
            mirror("kafka.connect.mirror<type=MirrorSourceConnector, source=main, target=mirror, topic=main.items, "
                    + "partition=0><>record-age-ms-max: 12",
                    "kafka_connect_mirror_source_record_age_ms_max{partition=0, source=main, target=mirror, topic=main.items}"),
            mirror("kafka.connect.mirror<type=MirrorSourceConnector, source=main, target=mirror, topic=main.items, "
                    + "partition=0><>record-count: 1200",
                    "kafka_connect_mirror_source_record_count_total{partition=0, source=main, target=mirror, topic=main.items}"),
            mirror("kafka.connect.mirror<type=MirrorCheckpointConnector, source=main, target=mirror, group=stream-filter, "
                    + "topic=main.items, partition=1><>checkpoint-latency-ms-max: 40",
                    "kafka_connect_mirror_checkpoint_checkpoint_latency_ms_max"
                            + "{group=stream-filter, partition=1, source=main, target=mirror, topic=main.items}"),
            mirror("kafka.consumer<type=consumer-fetch-manager-metrics, client-id=\"main->mirror|MirrorSourceConnector-0|"
                    + "replication-consumer\", topic=items, partition=0><>records-lag: 9",
                    "kafka_consumer_records_lag{client_id=main->mirror|MirrorSourceConnector-0|replication-consumer, "
                            + "partition=0, topic=items}"),
            mirror("kafka.consumer<type=consumer-fetch-manager-metrics, client-id=\"main->mirror|MirrorSourceConnector-0|"
                    + "replication-consumer\"><>records-lag-max: 9",
                    "kafka_consumer_records_lag_max{client_id=main->mirror|MirrorSourceConnector-0|replication-consumer}"));

    @TestFactory
    Stream<DynamicTest> everyRulesFileIsReadableWithLowerCaseNamesAndValidPatterns() {
        return MonitoringFiles.files(JMX, ".yml").stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            // when
            JsonNode config = YAML.readTree(file.toFile());
            // then
            assertThat(config.path("lowercaseOutputName").asBoolean()).as("lowercaseOutputName in %s", file).isTrue();
            assertThat(config.path("rules")).as("rules in %s", file).isNotEmpty();
            for (JsonNode rule : config.path("rules")) {
                assertThat(Pattern.compile(rule.path("pattern").asText())).as("pattern in %s", file).isNotNull();
                assertThat(rule.path("name").asText()).as("name of %s", rule.path("pattern")).isNotBlank();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> brokerConnectAndMirrorMakerMBeansBecomeTheSeriesTheAlertsAndDashboardsQuery() {
        return CASES.stream().map(c -> dynamicTest(c.file() + ": " + c.series(), () -> {
            // when
            Optional<String> series = exported(rules(c.file()), c.mbeanAttribute());
            // then
            assertThat(series).as("series of %s by %s", c.mbeanAttribute(), c.file()).contains(c.series());
        }));
    }

    /** The series the first matching rule makes of an MBean attribute, as {@code name{label=value, ...}} sorted by label. */
    private static Optional<String> exported(JsonNode rules, String mbeanAttribute) {
        for (JsonNode rule : rules) {
            Matcher matcher = Pattern.compile("^.*(?:" + rule.path("pattern").asText() + ").*$").matcher(mbeanAttribute);
            if (matcher.matches()) {
                String name = safeName(matcher.replaceAll(rule.path("name").asText())).toLowerCase(Locale.ROOT);
                if ("COUNTER".equals(rule.path("type").asText()) && !name.endsWith("_total")) {
                    name += "_total";
                }
                Map<String, String> labels = new TreeMap<>();
                rule.path("labels").properties().forEach(label -> labels.put(label.getKey(),
                        matcher.replaceAll(label.getValue().asText())));
                List<String> pairs = new ArrayList<>();
                labels.forEach((key, value) -> pairs.add(key + "=" + value));
                return Optional.of(name + "{" + String.join(", ", pairs) + "}");
            }
        }
        return Optional.empty();
    }

    /** The exporter's metric name cleaning: characters outside [a-zA-Z0-9:_] become '_', runs of '_' one. */
    private static String safeName(String name) {
        return name.replaceAll("[^a-zA-Z0-9:_]", "_").replaceAll("_+", "_");
    }

    private static JsonNode rules(String file) {
        try {
            return YAML.readTree(JMX.resolve(file).toFile()).path("rules");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + JMX.resolve(file), e);
        }
    }

    private static Case broker(String mbeanAttribute, String series) {
        return new Case("kafka-broker.yml", mbeanAttribute, series);
    }

    private static Case connect(String mbeanAttribute, String series) {
        return new Case("connect.yml", mbeanAttribute, series);
    }

    private static Case mirror(String mbeanAttribute, String series) {
        return new Case("mirror-maker.yml", mbeanAttribute, series);
    }
}
