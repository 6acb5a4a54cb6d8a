package dev.bazaar.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bazaar.common.Cluster;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** access.yaml grants each job what it does and no more: names where names are known, exact operations. */
class LeastPrivilegeTest {

    /** What Kafka Streams does with its internal topics: create, check, read, write, purge repartition records. */
    private static final Set<AclOperation> STREAMS_INTERNAL_TOPICS = Set.of(AclOperation.CREATE, AclOperation.READ,
            AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.DELETE);

    private final PlatformSpec spec = PlatformSpec.load();
    private final List<ConnectorApplier.ConnectorSpec> connectors = new ConnectorApplier(
            new ConnectRest("https://127.0.0.1:1", HttpClient.newHttpClient(), null),
            placeholders()).load(Path.of("connectors"));

    private static Map<String, String> placeholders() {
        Map<String, String> placeholders = new HashMap<>(Map.of("elasticsearch.url", "http://127.0.0.1:9200",
                "hdfs.url", "hdfs://127.0.0.1:9020", "secrets.dir", "/var/secrets"));
        placeholders.putAll(ConnectorApplier.endpointPlaceholders("postgres-jdbc",
                "jdbc:postgresql://127.0.0.1:9032/bazaar?sslmode=verify-full&sslrootcert=/var/ssl/ca.pem"));
        return placeholders;
    }

    @Test
    void connectWritesExactlyTheDeadLetterTopicsOfItsConnectorsAndReadsExactlyTheirGroups() {
        // given the dead-letter topics and consumer groups of the sinks of setup/connectors/*.json, and what the
        // sources write: Debezium's renamed data topic and its heartbeats
        List<ConnectorApplier.ConnectorSpec> sinks = connectors.stream().filter(c -> c.config().containsKey("topics"))
                .toList();
        Set<String> written = new HashSet<>(sinks.stream()
                .map(c -> c.config().get("errors.deadletterqueue.topic.name")).collect(Collectors.toSet()));
        connectors.stream().filter(c -> !c.config().containsKey("topics")).forEach(source -> {
            written.add(source.config().get("transforms.topic.replacement"));
            written.add(source.config().get("topic.heartbeat.name"));
        });
        Set<String> sinkGroups = sinks.stream().map(c -> "connect-" + c.name()).collect(Collectors.toSet());
        PrincipalSpec connect = spec.principal("connect").orElseThrow();

        // then connect writes those (besides Connect's own internal topics) and joins those (besides its worker group)
        assertThat(connectors).as("shipped connectors").isNotEmpty();
        assertThat(connect.acls()).as("connect's prefixed grants")
                .noneMatch(acl -> acl.pattern() == PatternType.PREFIXED);
        assertThat(names(connect, ResourceType.TOPIC, AclOperation.WRITE)
                .filter(topic -> !spec.topic(topic).map(TopicSpec::internal).orElse(false)))
                .as("platform topics connect writes").containsExactlyInAnyOrderElementsOf(written);
        assertThat(names(connect, ResourceType.GROUP, AclOperation.READ).filter(g -> !g.equals("connect-cluster")))
                .as("sink groups connect reads").containsExactlyInAnyOrderElementsOf(sinkGroups);
    }

    @Test
    void streamsApplicationsGetExactlyWhatStreamsDoesOnTheirInternalTopicsAndTransactions() {
        Map<String, String> applications = Map.of("filter", "stream-filter", "dedup", "dedup", "promo", "promo-join");
        for (String principal : applications.keySet()) {
            // given the application id the principal's Streams application runs under
            String applicationId = applications.get(principal);
            PrincipalSpec app = spec.principal(principal).orElseThrow();

            // then its internal topics and transactional ids, prefixed by "<application.id>-", are all it holds by prefix
            assertThat(app.acls()).as("%s's prefixed grants", principal)
                    .filteredOn(acl -> acl.pattern() == PatternType.PREFIXED)
                    .extracting(AclSpec::resource, AclSpec::name)
                    .containsExactlyInAnyOrder(tuple(ResourceType.TOPIC, applicationId + "-"),
                            tuple(ResourceType.TRANSACTIONAL_ID, applicationId + "-"));
            assertThat(prefixed(app, ResourceType.TOPIC).operations()).as("%s's operations on its internal topics",
                    principal).containsExactlyInAnyOrderElementsOf(STREAMS_INTERNAL_TOPICS);
            assertThat(prefixed(app, ResourceType.TRANSACTIONAL_ID).operations()).as("%s's transactional ids", principal)
                    .containsExactlyInAnyOrder(AclOperation.WRITE, AclOperation.DESCRIBE);
        }
    }

    @Test
    void noPrefixedGrantCoversADeclaredTopic() {
        // declared topics are granted by name: a prefix may only cover names made at run time
        for (PrincipalSpec principal : spec.principals()) {
            for (AclSpec acl : principal.acls()) {
                if (acl.resource() != ResourceType.TOPIC || acl.pattern() != PatternType.PREFIXED) {
                    continue;
                }
                assertThat(spec.topics(acl.cluster())).as("declared %s topics under %s's prefix %s", acl.cluster(),
                        principal.name(), acl.name()).noneMatch(topic -> topic.name().startsWith(acl.name()));
            }
        }
    }

    @Test
    void onlyMirrorMakerTheLagExporterAndKafkaUiHoldAWildcardAndNoneToChangeAnything() {
        assertThat(spec.principals()).as("principals with a wildcard grant")
                .filteredOn(p -> p.acls().stream().anyMatch(acl -> acl.name().equals("*")))
                .extracting(PrincipalSpec::name).containsExactlyInAnyOrder("mirror", "lag-exporter", "kafka-ui");
        assertThat(spec.principal("mirror").orElseThrow().acls()).as("mirror's wildcard grants")
                .filteredOn(acl -> acl.name().equals("*"))
                .allMatch(acl -> acl.cluster() == Cluster.MAIN && acl.resource() == ResourceType.GROUP
                        && acl.operations().equals(List.of(AclOperation.DESCRIBE)));
        // the lag exporter describes every group and topic (offsets and ends), and does nothing else at all
        assertThat(spec.principal("lag-exporter").orElseThrow().acls()).as("the lag exporter's grants")
                .allMatch(acl -> acl.name().equals("*") && acl.pattern() == PatternType.LITERAL
                        && (acl.resource() == ResourceType.GROUP || acl.resource() == ResourceType.TOPIC)
                        && acl.operations().equals(List.of(AclOperation.DESCRIBE)));
        // kafka-ui (compose/) browses: it describes groups, and describes and reads topics, on both clusters
        assertThat(spec.principal("kafka-ui").orElseThrow().acls()).as("kafka-ui's grants")
                .allMatch(acl -> acl.name().equals("*") && acl.pattern() == PatternType.LITERAL)
                .allMatch(acl -> acl.resource() == ResourceType.TOPIC
                        ? Set.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS)
                                .containsAll(acl.operations())
                        : acl.resource() == ResourceType.GROUP && acl.operations().equals(List.of(AclOperation.DESCRIBE)))
                .extracting(AclSpec::cluster).contains(Cluster.MAIN, Cluster.MIRROR);
    }

    private static Stream<String> names(PrincipalSpec principal, ResourceType type, AclOperation op) {
        return principal.acls().stream()
                .filter(acl -> acl.cluster() == Cluster.MAIN && acl.resource() == type && acl.operations().contains(op))
                .map(AclSpec::name);
    }

    private static AclSpec prefixed(PrincipalSpec principal, ResourceType type) {
        return principal.acls().stream()
                .filter(acl -> acl.resource() == type && acl.pattern() == PatternType.PREFIXED)
                .findFirst().orElseThrow();
    }
}
