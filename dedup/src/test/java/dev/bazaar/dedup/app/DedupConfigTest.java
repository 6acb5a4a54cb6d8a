package dev.bazaar.dedup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.KafkaConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic app's configuration: defaults, the three ways to write it, and every refusal naming its key. */
class DedupConfigTest {

    @TempDir
    Path dir;

    @Test
    void onlyFromAndToAreRequiredAndTheDefaultsAreTheDocumentedOnes() {
        // when
        DedupConfig config = new DedupConfig(Map.of("from", "jobs.raw", "to", "jobs.unique"));

        // then
        assertThat(config.job()).as("job").isEqualTo(DedupJob.byRecordKey("jobs.raw", "jobs.unique", Duration.ofDays(7)));
        assertThat(config.applicationId()).as("application id").isEqualTo("jobs.unique-dedup");
        assertThat(config.principal()).as("principal").isEqualTo("dedup-jobs");
        assertThat(config.threads()).as("threads").isEqualTo(1);
        assertThat(config.replicationFactor()).as("replication factor").isEqualTo((short) 3);
        assertThat(config.commitIntervalMs()).as("commit interval").isEqualTo(1_000);
        assertThat(config.stateDir()).as("state dir").isEmpty();
        assertThat(config.httpPort()).as("no HTTP unless asked").isEmpty();
        assertThat(config.job().describe()).as("described").isEqualTo("jobs.raw -> jobs.unique (copies -> dropped, "
                + "unkeyable -> stop), key: the record key, retention 7d");
    }

    @Test
    void theEnvironmentOverridesTheFileItNames() throws Exception {
        // given a file with every key, and the environment changing two
        Path file = dir.resolve("dedup.properties");
        Files.writeString(file, """
                from=jobs.raw
                to=jobs.unique
                duplicates=jobs.copies
                dead.letter=jobs.dead
                key.fields=userId, sid
                retention=12h
                application.id=jobs.my-dedup
                principal=dedup-jobs
                threads=2
                replication.factor=-1
                state.dir=/tmp/state
                """);
        Map<String, String> env = Map.of("BAZAAR_DEDUP_CONFIG", file.toString(), "BAZAAR_DEDUP_RETENTION", "P2D",
                "BAZAAR_HTTP_PORT", "0", "BAZAAR_VAR", "elsewhere");

        // when
        DedupConfig config = DedupConfig.fromEnvironment(env);

        // then
        assertThat(config.job()).as("job").isEqualTo(new DedupJob("jobs.raw", "jobs.unique", Optional.of("jobs.copies"),
                Optional.of("jobs.dead"), List.of("userId", "sid"), Duration.ofDays(2)));
        assertThat(config.applicationId()).as("application id").isEqualTo("jobs.my-dedup");
        assertThat(config.threads()).as("threads").isEqualTo(2);
        assertThat(config.replicationFactor()).as("replication factor").isEqualTo((short) -1);
        assertThat(config.stateDir()).as("state dir").contains(Path.of("/tmp/state"));
        assertThat(config.httpPort()).as("the launcher's port variable").contains(0);
    }

    @Test
    void eachKeyHasItsEnvironmentVariable() {
        assertThat(DedupConfig.envName("key.fields")).isEqualTo("BAZAAR_DEDUP_KEY_FIELDS");
        assertThat(DedupConfig.envName("dead.letter")).isEqualTo("BAZAAR_DEDUP_DEAD_LETTER");
        assertThat(DedupConfig.envName("http.port")).isEqualTo("BAZAAR_HTTP_PORT");
        assertThat(DedupConfig.keys()).containsExactly("application.id", "commit.interval.ms", "dead.letter",
                "duplicates", "from", "http.port", "key.fields", "principal", "replication.factor", "retention",
                "state.dir", "threads", "to");
    }

    @Test
    void retentionTakesTheShortFormsAndIso8601() {
        assertThat(Retention.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Retention.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Retention.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Retention.parse(" 90S ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Retention.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(Retention.parse("pt36h")).isEqualTo(Duration.ofHours(36));
        assertThat(Retention.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Retention.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Retention.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Retention.format(Duration.ofSeconds(90))).isEqualTo("90s");
    }

    @Test
    void everyRefusalNamesTheKey() {
        assertRefused(Map.of("to", "u"), "Missing required configuration \"from\"");
        assertRefused(Map.of("from", "t", "to", "t"), "Invalid value t for configuration to: is the topic read (from)");
        assertRefused(Map.of("from", "t", "to", "u", "duplicates", "u"), "configuration duplicates: is also to");
        assertRefused(Map.of("from", "t", "to", "u", "duplicates", "d", "dead.letter", "d"),
                "configuration dead.letter: is also duplicates");
        assertRefused(Map.of("from", "bad topic", "to", "u"), "configuration from: is not a topic name");
        assertRefused(Map.of("from", "t", "to", "u", "retention", "7 days"), "configuration retention: '7 days' is not a duration");
        assertRefused(Map.of("from", "t", "to", "u", "retention", "0s"), "configuration retention: '0s' is not a positive");
        assertRefused(Map.of("from", "t", "to", "u", "retention", "400d"), "configuration retention: is more than 365 days");
        assertRefused(Map.of("from", "t", "to", "u", "key.fields", "a,,b"), "configuration key.fields: names an empty field");
        assertRefused(Map.of("from", "t", "to", "u", "key.fields", "a,b,a"), "configuration key.fields: names field 'a' twice");
        assertRefused(Map.of("from", "t", "to", "u", "threads", "0"), "configuration threads");
        assertRefused(Map.of("from", "t", "to", "u", "threads", "many"), "configuration threads");
        assertRefused(Map.of("from", "t", "to", "u", "http.port", "70000"), "configuration http.port: is not a port");
        assertRefused(Map.of("from", "t", "to", "u", "replication.factor", "0"), "configuration replication.factor");
        assertRefused(Map.of("from", "t", "to", "u", "commit.interval.ms", "5"), "configuration commit.interval.ms");
        assertRefused(Map.of("from", "t", "to", "u", "principal", "no body"), "configuration principal");
        assertRefused(Map.of("from", "t", "to", "u", "application.id", "a/b"), "configuration application.id");
        assertRefused(Map.of("from", "t", "to", "u", "retentoin", "7d"), "configuration retentoin: is no setting");
    }

    @Test
    void anUnknownDedupVariableOrAnUnreadableFileIsRefusedNamingIt() {
        assertThatThrownBy(() -> DedupConfig.fromEnvironment(Map.of("BAZAAR_DEDUP_FROM", "t", "BAZAAR_DEDUP_TO", "u",
                "BAZAAR_DEDUP_RETENSION", "7d")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("configuration BAZAAR_DEDUP_RETENSION: is no setting");
        assertThatThrownBy(() -> DedupConfig.fromEnvironment(Map.of("BAZAAR_DEDUP_CONFIG", dir.resolve("none").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read the configuration file");
    }

    @Test
    void theStreamsSettingsAreExactlyOnceWithBoundedMemoryAndTheConfiguredIdentity() {
        // given
        DedupConfig config = new DedupConfig(Map.of("from", "t", "to", "u", "application.id", "jobs.x", "threads", "2",
                "commit.interval.ms", "250"));
        KafkaConnection connection = new KafkaConnection("127.0.0.1:9093", "dedup-jobs", "secret", dir.resolve("ts.p12"), "ts");

        // when
        Properties props = DedupService.streamsConfig(config, connection, dir.resolve("state"));

        // then
        Map<Object, Object> expected = new HashMap<>();
        expected.put("application.id", "jobs.x");
        expected.put("processing.guarantee", "exactly_once_v2");
        expected.put("num.stream.threads", "2");
        expected.put("commit.interval.ms", "250");
        expected.put("replication.factor", "3");
        expected.put("topic.min.insync.replicas", "2");
        expected.put("rocksdb.config.setter", "dev.bazaar.dedup.BoundedRocksDb");
        expected.put("security.protocol", "SASL_SSL");
        expected.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toAbsolutePath().toString());
        assertThat(props).as("Streams settings").containsAllEntriesOf(expected);
        assertThat(props.getProperty("sasl.jaas.config")).as("as the principal").contains("username=\"dedup-jobs\"");
    }

    @Test
    void eachInstanceKeepsItsStateInAFolderOfItsOwn() {
        dev.bazaar.common.RuntimeLayout layout = new dev.bazaar.common.RuntimeLayout(dir);
        assertThat(DedupApp.stateDir(layout, null)).isEqualTo(dir.resolve("data/dedup"));
        assertThat(DedupApp.stateDir(layout, "1")).isEqualTo(dir.resolve("data/dedup"));
        assertThat(DedupApp.stateDir(layout, "2")).isEqualTo(dir.resolve("data/dedup-2"));
    }

    private static void assertRefused(Map<String, String> settings, String message) {
        assertThatThrownBy(() -> new DedupConfig(settings)).as("%s", settings)
                .isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }
}
