package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.process.Liveness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code up} is safe to repeat, {@code down} leaves no process behind, and {@code up} after it keeps the
 * data; it brings back every component that ran, since later modules of the build use the same platform.
 */
@ExtendWith(EmbeddedPlatform.class)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

    private static final String TOPIC = "lifecycle-check";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    @Order(1)
    void secondUpWhileRunningStartsNothingAndChangesNothing(Running platform) {
        // given the running platform
        List<Long> pidsBefore = pids(platform.platform().status());

        // when up runs again
        String output = Running.up(platform.platform());

        // then the same processes run, all healthy, and setup found nothing to change
        List<ComponentStatus> after = platform.platform().status();
        assertThat(pids(after)).as("pids after a second up").isEqualTo(pidsBefore);
        assertThat(after).as("components after a second up").allMatch(s -> s.state() == ComponentStatus.State.HEALTHY);
        assertThat(output).as("output of a second up").doesNotContain("changed:").doesNotContain("starting");
    }

    @Test
    @Order(2)
    void downLeavesNoProcessAndUpAfterDownKeepsTopicsRecordsAndSchemas(Running platform) throws Exception {
        // given a record on a topic of our own, the registered schemas, and what runs (earlier modules' components too)
        Platform bazaar = platform.platform();
        RecordMetadata written = writeMarker(platform);
        String subjectsBefore = subjects(bazaar);
        Platform asFound = selecting(bazaar, names(selecting(bazaar, List.of()).selected()));
        List<Long> pids = pids(asFound.status());

        // when the platform goes down
        bazaar.down();

        // then none of its processes lives and every component says stopped (a process that has exited but that
        // its parent has not reaped yet is a zombie, gone as the launcher counts it; the JDK calls it alive)
        Set<Long> thisBuild = thisProcessAndItsAncestors();
        assertThat(pids).as("pids that still live after down")
                .noneMatch(pid -> ProcessHandle.of(pid).map(Liveness::alive).orElse(false));
        assertThat(ProcessHandle.allProcesses().filter(p -> !thisBuild.contains(p.pid()))
                .map(p -> p.info().commandLine().orElse("")))
                .as("processes that still use the platform's runtime folder")
                .noneMatch(cmd -> cmd.contains(bazaar.layout().root().toString()));
        assertThat(asFound.status()).as("status after down").allMatch(s -> s.state() == ComponentStatus.State.STOPPED);

        // when it comes up again with every component that ran before, so later modules find them running
        Running.up(asFound);

        // then they all run again, and the record and the schemas are still there
        assertThat(asFound.status()).as("components after up after down")
                .allMatch(s -> s.state() == ComponentStatus.State.HEALTHY);
        assertThat(readMarker(platform, written)).as("the record written before down").isEqualTo("still here");
        assertThat(subjects(bazaar)).as("subjects after a restart").isEqualTo(subjectsBefore).contains("items-value");
    }

    /**
     * The platform of {@code platform}'s folder and ports that selects {@code components}; none selects
     * what every {@code up} since the last {@code down} started, this module's and earlier modules'.
     */
    private static Platform selecting(Platform platform, List<String> components) {
        PlatformConfig config = platform.config();
        return new Platform(new PlatformConfig(config.home(), config.layout(), config.ports(), config.startTimeout(),
                components, config.analyticsEvery(), config.supervised(), config.jvmProfile(), config.aot()));
    }

    private static List<String> names(List<Component> components) {
        return components.stream().map(Component::name).toList();
    }

    /** This test JVM and the build that forked it, whose command line may name the runtime folder. */
    private static Set<Long> thisProcessAndItsAncestors() {
        Set<Long> pids = new HashSet<>();
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            pids.add(p.get().pid());
        }
        return pids;
    }

    private static List<Long> pids(List<ComponentStatus> statuses) {
        return statuses.stream().map(ComponentStatus::pid).filter(Objects::nonNull).toList();
    }

    private static RecordMetadata writeMarker(Running platform) throws Exception {
        try (Admin admin = Admin.create(platform.client(Cluster.MAIN, "admin", new Properties()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                platform.client(Cluster.MAIN, "admin", props(Map.of("acks", "all"))), new StringSerializer(),
                new StringSerializer())) {
            return producer.send(new ProducerRecord<>(TOPIC, "marker", "still here")).get(30, TimeUnit.SECONDS);
        }
    }

    private static String readMarker(Running platform, RecordMetadata written) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, written.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            var records = consumer.poll(DEADLINE);
            return records.isEmpty() ? null : records.iterator().next().value();
        }
    }

    private static String subjects(Platform platform) throws Exception {
        var registry = platform.registryAs(RegistryUser.READONLY);
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + "/subjects"))
                .header("Authorization", registry.authorization()).timeout(DEADLINE).GET().build();
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(registry.sslContext()).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("list subjects: %s", response.body()).isEqualTo(200);
        return response.body();
    }

    private static Properties props(Map<String, String> values) {
        Properties props = new Properties();
        props.putAll(values);
        return props;
    }
}
