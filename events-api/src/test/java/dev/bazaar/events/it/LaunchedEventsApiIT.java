package dev.bazaar.events.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.Topics;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.cli.EventsCli;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.service.JavaService;
import dev.bazaar.platform.service.ServiceComponent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * events-api as the launcher runs it, the platform's component {@code events-api}: its own JVM running
 * {@code dev.bazaar.events.EventsApi} from {@code events-api/target/events-api.jar} and
 * {@code target/runtime.classpath}, told {@code BAZAAR_VAR} and {@code MICRONAUT_SERVER_SSL_PORT}, ready when
 * {@code GET https://…/health} answers 200 to an anonymous caller; driven by the events CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchedEventsApiIT {

    private static final Duration READ = Duration.ofSeconds(30);
    private static final int EVENTS = 50;
    private static final int COPIES = 10;

    private Running platform;
    private JavaService service;

    @BeforeAll
    void theLaunchersEventsApi() {
        platform = EventsPlatform.prepared();
        service = ((ServiceComponent) platform.platform().catalog().component(EventsPlatform.SERVICE)).service();
        assertThat(service.built()).as("events-api built (target/events-api.jar and target/runtime.classpath)").isTrue();
        service.awaitReady(EmbeddedPlatform.START_TIMEOUT);
    }

    @Test
    void readyProcessReportsKafkaUpOverHttps() throws Exception {
        // when the launched service's health is read, anonymously and as the events user
        EventsHttp http = new EventsHttp(service.url(), platform.layout());
        EventsHttp.Answer anonymous = http.get("/health", null);
        EventsHttp.Answer health = http.get("/health", EventsApiCredentials.basic(platform.layout()));

        // then it is ready over HTTPS: the anonymous caller learns the status only, the user that Kafka is up
        assertThat(service.url()).as("url").startsWith("https://");
        assertThat(anonymous.status()).as("anonymous health; body %s", anonymous.body()).isEqualTo(200);
        assertThat(anonymous.json().path("details").isMissingNode()).as("details shown anonymously").isTrue();
        JsonNode kafka = health.json().path("details").path("kafka");
        assertThat(kafka.path("status").asText()).as("kafka; body %s", health.body()).isEqualTo("UP");
        assertThat(kafka.path("details").path("rawPartitionsWithLeader").asInt()).as("raw partitions").isEqualTo(6);
    }

    @Test
    void cliSendsEventsWithTheAskedShareOfExactCopies() {
        // given where the raw topic ends now
        try (KafkaConsumer<byte[], byte[]> raw = rawConsumer()) {
            List<TopicPartition> partitions = raw.partitionsFor(Topics.PRODUCT_EVENTS_RAW).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> before = raw.endOffsets(partitions);

            // when the CLI sends 50 view events, 10 of them copies, from 4 senders
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = cli(out, err, "send", "--count", Integer.toString(EVENTS), "--duplicates", "0.2",
                    "--concurrency", "4", "--url", service.url());

            // then it says so, and the raw topic holds 50 more records with 40 different keys
            assertThat(code).as("exit code; err %s", err).isZero();
            assertThat(out.toString()).as("summary").contains("view-event: sent 50 (unique 40, duplicates 10), "
                    + "acknowledged 50, failed 0");
            Set<String> keys = new HashSet<>();
            int records = 0;
            raw.assign(partitions);
            before.forEach(raw::seek);
            Map<TopicPartition, Long> after = raw.endOffsets(partitions);
            long deadline = System.nanoTime() + READ.toNanos();
            while (partitions.stream().anyMatch(p -> raw.position(p) < after.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : raw.poll(Duration.ofMillis(500))) {
                    keys.add(DedupKey.hex(record.key()));
                    records++;
                }
            }
            assertThat(records).as("records added to %s", Topics.PRODUCT_EVENTS_RAW).isEqualTo(EVENTS);
            assertThat(keys).as("different keys among them").hasSize(EVENTS - COPIES);
        }
    }

    @Test
    void statsCountsWhatKafkaAndPostgresHold() {
        // when the stats are asked for on the platform with the whole pipeline
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli(out, err, "stats");

        // then the Kafka counts and the rows in PostgreSQL (read as role reader) are printed, and the exit code is 0
        assertThat(out.toString()).as("stats").containsPattern("received +\\(product-events-raw\\): +\\d+")
                .containsPattern("unique +\\(product-events\\): +\\d+")
                .containsPattern("duplicates +\\(product-events-duplicates\\): +\\d+")
                .containsPattern("rows in PostgreSQL +\\(product_events\\): +\\d+");
        assertThat(code).as("exit code; out %s err %s", out, err).isZero();
    }

    private KafkaConsumer<byte[], byte[]> rawConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", props), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private int cli(StringWriter out, StringWriter err, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--var";
        all[args.length + 1] = platform.layout().root().toString();
        return EventsCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(all);
    }
}
