package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.setup.PlatformSetup;
import dev.bazaar.setup.PlatformSpec;
import dev.bazaar.setup.PrincipalSpec;
import dev.bazaar.setup.SetupReport;
import dev.bazaar.setup.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every principal of access.yaml against every platform topic of the main cluster, for read, write
 * and describe, and against every consumer group named in access.yaml; on the mirror cluster, the
 * principals with a grant there against MirrorMaker's topics: allowed exactly where declared, denied
 * with an authorization error everywhere else. Generated from the setup data, so
 * a new principal, topic or ACL is covered without new test code.
 *
 * <p>Each principal's clients are created once per cluster and reused across its cases (a new
 * client costs a SCRAM login per broker connection): one producer for its writes (a denied send
 * fails for that record only), one consumer without a group for its reads (each case assigns exactly
 * its own partition, so no assignment or buffered record of an earlier case is carried over) and one
 * admin client for its describes. They are closed after all cases.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AclMatrixIT {

    private static final Duration READ_DEADLINE = Duration.ofSeconds(20);
    private static final byte[] PROBE = "acl-matrix probe".getBytes(StandardCharsets.UTF_8);

    private final PlatformSpec spec = PlatformSpec.load();
    private Running platform;

    /** The clients reused across cases, by cluster and principal; closed after all cases. */
    private final Map<String, KafkaProducer<byte[], byte[]>> producers = new HashMap<>();
    private final Map<String, KafkaConsumer<byte[], byte[]>> consumers = new HashMap<>();
    private final Map<String, Admin> admins = new HashMap<>();

    @BeforeAll
    void givenEveryPlatformTopicHoldsARecordAndEveryGroupExists(Running platform) throws Exception {
        this.platform = platform;
        try (KafkaProducer<byte[], byte[]> admin = producer("admin")) {
            for (TopicSpec topic : platformTopics()) {
                admin.send(new ProducerRecord<>(topic.name(), 0, PROBE, PROBE)).get(30, TimeUnit.SECONDS);
            }
        }
        for (String group : declaredGroups()) {
            try (KafkaConsumer<byte[], byte[]> admin = consumer("admin", group)) {
                admin.commitSync(Map.of(new TopicPartition(platformTopics().get(0).name(), 0), new OffsetAndMetadata(0)));
            }
        }
    }

    @AfterAll
    void closeReusedClients() {
        producers.values().forEach(p -> p.close(Duration.ofSeconds(5)));
        consumers.values().forEach(c -> c.close(Duration.ofSeconds(5)));
        admins.values().forEach(a -> a.close(Duration.ofSeconds(5)));
    }

    @TestFactory
    Stream<DynamicTest> topicAccessIsExactlyAsDeclared() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PrincipalSpec principal : spec.principals()) {
            for (TopicSpec topic : platformTopics()) {
                for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE)) {
                    boolean allowed = Grants.allows(principal, Cluster.MAIN, ResourceType.TOPIC, topic.name(), op);
                    tests.add(DynamicTest.dynamicTest(principal.name() + " " + op + " " + topic.name() + " → "
                            + (allowed ? "allowed" : "denied"), () -> checkTopic(Cluster.MAIN, principal.name(), topic.name(), op, allowed)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * On the mirror cluster only principals with a grant there have a credential: MirrorMaker's
     * principal, against the copies of main's topics and MirrorMaker's own topics.
     */
    @TestFactory
    Stream<DynamicTest> mirrorClusterTopicAccessIsExactlyAsDeclared() {
        List<String> topics = new ArrayList<>(spec.mirroredTopics().stream().map(MirrorMaker::mirrored).toList());
        topics.addAll(List.of("heartbeats", "mm2-configs." + MirrorMaker.SOURCE + ".internal"));
        awaitTopicsOnMirror(topics);
        List<DynamicTest> tests = new ArrayList<>();
        for (PrincipalSpec principal : spec.principals().stream().filter(p -> p.acls().stream()
                .anyMatch(acl -> acl.cluster() == Cluster.MIRROR)).toList()) {
            for (String topic : topics) {
                for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE)) {
                    boolean allowed = Grants.allows(principal, Cluster.MIRROR, ResourceType.TOPIC, topic, op);
                    tests.add(DynamicTest.dynamicTest("mirror cluster: " + principal.name() + " " + op + " " + topic
                            + " → " + (allowed ? "allowed" : "denied"),
                            () -> checkTopic(Cluster.MIRROR, principal.name(), topic, op, allowed)));
                }
            }
        }
        return tests.stream();
    }

    /** MirrorMaker creates the copies on the mirror cluster when it starts, and copies partition 0's probe. */
    private void awaitTopicsOnMirror(List<String> topics) {
        try (Admin admin = Admin.create(platform.client(Cluster.MIRROR, "admin", new Properties()))) {
            await("MirrorMaker's topics on the mirror cluster").atMost(Duration.ofMinutes(2)).until(() -> admin
                    .listTopics().names().get(30, TimeUnit.SECONDS).containsAll(topics));
        }
    }

    @TestFactory
    Stream<DynamicTest> groupAccessIsExactlyAsDeclared() {
        List<String> groups = declaredGroups();
        List<DynamicTest> tests = new ArrayList<>();
        for (PrincipalSpec principal : spec.principals()) {
            for (String group : groups) {
                boolean describe = Grants.allows(principal, Cluster.MAIN, ResourceType.GROUP, group, AclOperation.DESCRIBE);
                tests.add(DynamicTest.dynamicTest(principal.name() + " DESCRIBE group " + group + " → "
                        + (describe ? "allowed" : "denied"), () -> checkGroupDescribe(principal.name(), group, describe)));
                readableTopic(principal).ifPresent(topic -> {
                    boolean read = Grants.allows(principal, Cluster.MAIN, ResourceType.GROUP, group, AclOperation.READ);
                    tests.add(DynamicTest.dynamicTest(principal.name() + " READ group " + group + " (commit on " + topic
                            + ") → " + (read ? "allowed" : "denied"), () -> checkGroupRead(principal.name(), group, topic, read)));
                });
            }
        }
        return tests.stream();
    }

    /**
     * The broad grants an earlier access.yaml gave (ALL on stream-filter's internal topics, WRITE on
     * every dlq- topic, every client-api* group): the next apply of setup revokes them, since their
     * principals are declared and the grants are not.
     */
    @Test
    void setupRevokesGrantsOfDeclaredPrincipalsNoLongerDeclared() throws Exception {
        // given
        List<AclBinding> earlier = List.of(
                allow("filter", ResourceType.TOPIC, "stream-filter-", AclOperation.ALL),
                allow("filter", ResourceType.TRANSACTIONAL_ID, "stream-filter", AclOperation.WRITE),
                allow("connect", ResourceType.TOPIC, "dlq-", AclOperation.WRITE),
                allow("client", ResourceType.GROUP, "client-api", AclOperation.READ));
        try (Admin admin = admin(Cluster.MAIN, "admin")) {
            admin.createAcls(earlier).all().get(30, TimeUnit.SECONDS);
            try {
                // when
                SetupReport report = new PlatformSetup(spec, platform.layout().secrets()).applyKafka(Cluster.MAIN, admin);

                // then
                assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                        .as("grants after setup was applied again").doesNotContainAnyElementsOf(earlier);
                assertThat(report.lines()).as("what the apply reported")
                        .contains("  changed: revoked User:filter ALL TOPIC:stream-filter-* on main (no longer in access.yaml)");
            } finally {
                admin.deleteAcls(earlier.stream().map(AclBinding::toFilter).toList()).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static AclBinding allow(String principal, ResourceType type, String prefix, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
                new AccessControlEntry("User:" + principal, "*", op, AclPermissionType.ALLOW));
    }

    private void checkTopic(Cluster cluster, String principal, String topic, AclOperation op, boolean allowed)
            throws Exception {
        switch (op) {
            case WRITE -> checkWrite(cluster, principal, topic, allowed);
            case READ -> checkRead(cluster, principal, topic, allowed);
            case DESCRIBE -> checkDescribe(cluster, principal, topic, allowed);
            default -> throw new IllegalArgumentException(op.toString());
        }
    }

    private void checkWrite(Cluster cluster, String principal, String topic, boolean allowed) throws Exception {
        KafkaProducer<byte[], byte[]> producer = producers.computeIfAbsent(key(cluster, principal),
                k -> producer(cluster, principal));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, PROBE, PROBE);
        if (allowed) {
            var written = producer.send(record).get(30, TimeUnit.SECONDS);
            assertThat(written.topic()).as("%s writes to %s", principal, topic).isEqualTo(topic);
            assertThat(written.offset()).as("%s writes to %s", principal, topic).isNotNegative();
        } else {
            assertThatThrownBy(() -> producer.send(record).get(30, TimeUnit.SECONDS))
                    .as("%s writes to %s", principal, topic)
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private void checkRead(Cluster cluster, String principal, String topic, boolean allowed) {
        KafkaConsumer<byte[], byte[]> consumer = consumers.computeIfAbsent(key(cluster, principal),
                k -> reader(cluster, principal));
        TopicPartition partition = new TopicPartition(topic, 0);
        // exactly this case's partition: assign replaces an earlier case's assignment and drops its buffered records
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        if (allowed) {
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(READ_DEADLINE)
                    .until(() -> !consumer.poll(Duration.ofMillis(200)).records(partition).isEmpty());
        } else {
            Throwable denied = catchThrowable(() -> await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .atMost(READ_DEADLINE)
                    .until(() -> !consumer.poll(Duration.ofMillis(200)).records(partition).isEmpty()));
            // the denial must be for this case's topic, not one a reused consumer read earlier
            assertThat(Failures.chain(denied)).as("%s reads %s", principal, topic)
                    .anyMatch(t -> t instanceof TopicAuthorizationException e && e.unauthorizedTopics().contains(topic));
        }
    }

    private void checkDescribe(Cluster cluster, String principal, String topic, boolean allowed) throws Exception {
        Admin admin = reusedAdmin(cluster, principal);
        var result = admin.describeTopics(List.of(topic)).allTopicNames();
        if (allowed) {
            assertThat(result.get(30, TimeUnit.SECONDS)).as("%s describes %s", principal, topic).containsKey(topic);
        } else {
            assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).as("%s describes %s", principal, topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private void checkGroupDescribe(String principal, String group, boolean allowed) throws Exception {
        Admin admin = reusedAdmin(Cluster.MAIN, principal);
        var result = admin.describeConsumerGroups(List.of(group)).all();
        if (allowed) {
            assertThat(result.get(30, TimeUnit.SECONDS)).as("%s describes group %s", principal, group).containsKey(group);
        } else {
            assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).as("%s describes group %s", principal, group)
                    .hasCauseInstanceOf(GroupAuthorizationException.class);
        }
    }

    private void checkGroupRead(String principal, String group, String topic, boolean allowed) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(Cluster.MAIN, principal, group)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0));
            if (allowed) {
                consumer.commitSync(offsets, Duration.ofSeconds(30));
            } else {
                assertThatThrownBy(() -> consumer.commitSync(offsets, Duration.ofSeconds(30)))
                        .as("%s commits in group %s", principal, group)
                        .isInstanceOf(GroupAuthorizationException.class);
            }
        }
    }

    /** The platform topics: every declared topic of the main cluster but the internal ones of Connect and the registry. */
    private List<TopicSpec> platformTopics() {
        return spec.topics(Cluster.MAIN).stream().filter(t -> !t.internal()).toList();
    }

    /** Every group named in access.yaml; a prefixed grant is probed with a name under its prefix. */
    private List<String> declaredGroups() {
        return spec.principals().stream().flatMap(p -> p.acls().stream())
                .filter(acl -> acl.cluster() == Cluster.MAIN && acl.resource() == ResourceType.GROUP && !acl.name().equals("*"))
                .map(acl -> acl.pattern() == PatternType.PREFIXED ? acl.name() + "matrix" : acl.name())
                .distinct().toList();
    }

    private java.util.Optional<String> readableTopic(PrincipalSpec principal) {
        return platformTopics().stream().map(TopicSpec::name)
                .filter(t -> Grants.allows(principal, Cluster.MAIN, ResourceType.TOPIC, t, AclOperation.READ))
                .findFirst();
    }

    private static String key(Cluster cluster, String principal) {
        return cluster + "/" + principal;
    }

    private Admin reusedAdmin(Cluster cluster, String principal) {
        return admins.computeIfAbsent(key(cluster, principal), k -> admin(cluster, principal));
    }

    private KafkaProducer<byte[], byte[]> producer(String principal) {
        return producer(Cluster.MAIN, principal);
    }

    private KafkaProducer<byte[], byte[]> producer(Cluster cluster, String principal) {
        Properties extra = new Properties();
        extra.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        extra.put(ProducerConfig.ACKS_CONFIG, "all");
        extra.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        extra.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        extra.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(platform.client(cluster, principal, extra),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer(String principal, String group) {
        return consumer(Cluster.MAIN, principal, group);
    }

    private KafkaConsumer<byte[], byte[]> consumer(Cluster cluster, String principal, String group) {
        Properties extra = new Properties();
        if (group != null) {
            extra.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        extra.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        extra.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(platform.client(cluster, principal, extra),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The consumer a principal reads with across cases: no group, and short waits so that a case does
     * not wait out the previous one's (a fetch long-polling an empty partition, the metadata refresh back-off).
     */
    private KafkaConsumer<byte[], byte[]> reader(Cluster cluster, String principal) {
        Properties extra = new Properties();
        extra.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        extra.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        extra.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        extra.put(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, "10");
        return new KafkaConsumer<>(platform.client(cluster, principal, extra),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Admin admin(Cluster cluster, String principal) {
        Properties extra = new Properties();
        extra.put("default.api.timeout.ms", "30000");
        return Admin.create(platform.client(cluster, principal, extra));
    }
}
