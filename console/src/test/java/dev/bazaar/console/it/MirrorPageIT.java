package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /mirror} against the real platform with MirrorMaker running: the lag per copied topic and a
 * group's checkpoint, read as the signed-in user; the failover of the group previewed then confirmed by
 * admin, its offsets then committed on the mirror cluster; client refused the checkpoints by Kafka (the
 * missing ACL named), ops refused the failover by the role table, and a group with a member refused.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorPageIT implements TestPropertyProvider {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "console-mirror-" + RUN;
    private static final String TOPIC = "items";
    /** MirrorMaker refreshes its groups every 10 s and checkpoints every 5 s; on a loaded machine. */
    private static final Duration CHECKPOINTED = Duration.ofMinutes(2);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EmbeddedServer server;

    private Running platform;
    private RuntimeLayout layout;

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        layout = platform.layout();
        return Map.of("console.var-dir", layout.root().toString(), "micronaut.server.ssl.port", "-1");
    }

    @BeforeAll
    void aGroupThatCommittedOnAMirroredTopicOfMain() throws Exception {
        Properties admin = platform.client(Cluster.MAIN, "admin", new Properties());
        Properties acked = platform.client(Cluster.MAIN, "admin", new Properties());
        acked.put(ProducerConfig.ACKS_CONFIG, "all");
        try (Admin kafka = Admin.create(admin);
                KafkaProducer<String, String> producer = new KafkaProducer<>(acked, new StringSerializer(),
                        new StringSerializer())) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "mirror-page-" + RUN + "-" + i, "{\"n\":" + i + "}"));
            }
            producer.flush();
            List<TopicPartition> partitions = kafka.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            kafka.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                    .get(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((p, info) -> ends.put(p, new OffsetAndMetadata(info.offset())));
            kafka.alterConsumerGroupOffsets(GROUP, ends).all().get(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void adminSeesTheLagAndTheGroupsCheckpointThenPreviewsAndConfirmsItsFailover() throws Exception {
        // given admin signed in, and MirrorMaker's checkpoint of the group
        ConsoleBrowser admin = signedIn("admin");
        String page = await("a checkpoint of " + GROUP + " on /mirror").atMost(CHECKPOINTED)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> admin.get("/mirror").body(), body -> body.contains("data-group=\"" + GROUP + "\""));

        // then the copied topic is listed with its copy and lag, and the group with its offsets on both clusters
        assertThat(page).as("the lag table").contains("id=\"lag\"", "<tr data-topic=\"items\"><td>items</td>"
                + "<td>main.items</td>", "id=\"failover\"");
        assertThat(page).as("the checkpoint of the group").contains("<td>" + GROUP + "</td><td>main.items</td>");
        assertThat(mirrorOffsets()).as("nothing on the mirror before the failover").isEmpty();

        // when admin previews the failover
        String csrf = admin.csrf();
        HttpResponse<String> preview = admin.post("/mirror/failover", Map.of("group", GROUP), csrf);

        // then the offsets it would get are shown, and nothing changed yet
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview\"", "<td>main.items-", "Confirm failover");
        assertThat(mirrorOffsets()).as("nothing on the mirror after the preview").isEmpty();

        // when admin confirms, then the group has offsets of main.items on the mirror cluster
        HttpResponse<String> done = admin.post("/mirror/failover", Map.of("group", GROUP, "confirm", "yes"), csrf);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        Map<TopicPartition, Long> moved = mirrorOffsets();
        assertThat(moved).as("the group's offsets on the mirror").isNotEmpty();
        assertThat(moved.keySet()).allSatisfy(p -> assertThat(p.topic()).isEqualTo("main.items"));
        assertThat(admin.get("/mirror?done=failover&group=" + GROUP).body()).contains("id=\"done\"");
    }

    @Test
    void clientIsRefusedTheCheckpointsByKafkaTheMissingAclNamed() throws Exception {
        // given client signed in, who holds no ACL on the mirror cluster
        ConsoleBrowser client = signedIn("client");

        // when
        HttpResponse<String> page = client.get("/mirror");

        // then the page says which ACL is missing, rather than failing, and offers no failover
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("The ACL that is missing is User:client READ on topic main.checkpoints.internal "
                + "(cluster: mirror)")
                .doesNotContain("id=\"checkpoints\"", "id=\"failover\"");
    }

    @Test
    void opsIsRefusedTheFailoverByTheRoleTable() throws Exception {
        // given ops signed in
        ConsoleBrowser ops = signedIn("ops");

        // when
        HttpResponse<String> refused = ops.post("/mirror/failover", Map.of("group", GROUP), ops.csrf());

        // then the role table refuses it, naming the file, and nothing moved
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("console-roles.yaml (setup/) allows mirror.failover to admin only")
                .doesNotContain("id=\"preview\"");
    }

    @Test
    void aGroupWithAMemberOnMainIsNotFailedOver() throws Exception {
        // given a member of a group still polling items on main
        String active = "console-mirror-active-" + RUN;
        ConsoleBrowser admin = signedIn("admin");
        Properties extra = new Properties();
        extra.put(ConsumerConfig.GROUP_ID_CONFIG, active);
        extra.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", extra),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await("the member joined").atMost(CLIENT_TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return !consumer.assignment().isEmpty();
            });

            // when admin previews its failover
            HttpResponse<String> refused = admin.post("/mirror/failover", Map.of("group", active), admin.csrf());

            // then it is refused, saying why
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("&#39;" + active + "&#39; still has 1 member(s) on the main cluster",
                    "stop its consumers first");
        }
    }

    private Map<TopicPartition, Long> mirrorOffsets() throws Exception {
        try (Admin mirror = Admin.create(platform.client(Cluster.MIRROR, "admin", new Properties()))) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            mirror.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                    .get(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS).forEach((p, o) -> {
                        if (o != null) {
                            offsets.put(p, o.offset());
                        }
                    });
            return offsets;
        }
    }

    private ConsoleBrowser signedIn(String principal) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(layout, base());
        HttpResponse<String> answer = browser.signIn(principal, layout.secrets().password(principal));
        assertThat(answer.statusCode()).as("sign-in of %s: %s", principal, answer.body()).isEqualTo(303);
        return browser;
    }

    private String base() {
        return "https://127.0.0.1:" + server.getPort();
    }
}
