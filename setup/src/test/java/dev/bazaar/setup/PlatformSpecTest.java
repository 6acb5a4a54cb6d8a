package dev.bazaar.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class PlatformSpecTest {

    private final PlatformSpec spec = PlatformSpec.load();

    /**
     * Topics whose values carry no registry schema besides the dead letters: the CDC connector's, which Connect
     * writes as plain JSON (our registry converter only reads).
     */
    private static final Set<String> UNFRAMED = Set.of(Topics.PROMO_SUBSCRIBERS);

    @Test
    void everyTopicNameInCodeIsDeclaredReplicatedThreeTimesAndCarriesASchemaUnlessADeadLetterTopic() throws Exception {
        for (String topic : topicConstants()) {
            TopicSpec declared = spec.topic(topic).orElseThrow(() -> new AssertionError(topic + " not in topics.yaml"));
            assertThat(declared.subjects()).as("schemas of %s", topic).hasSize(topic.startsWith("dlq-")
                    || UNFRAMED.contains(topic) ? 0 : declared.schema().isPresent() ? 1 : 2);
            assertThat(declared.replication(spec.defaults(Cluster.MAIN))).as("replication of %s", topic).isEqualTo(3);
            assertThat(declared.effectiveConfig(spec.defaults(Cluster.MAIN)))
                    .as("configs of %s", topic).containsEntry("min.insync.replicas", "2");
        }
    }

    @Test
    void everySchemaIsDraft07AndClosedAtTheTop() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (TopicSpec topic : spec.topics()) {
            if (topic.schema().isEmpty()) {
                continue;
            }
            JsonNode schema = json.readTree(PlatformSpec.schemaText(topic.schema().get()));
            assertThat(schema.path("$schema").asText()).as("dialect of %s", topic.schema().get())
                    .isEqualTo("http://json-schema.org/draft-07/schema#");
            assertThat(schema.path("additionalProperties").asBoolean(true)).as("closed %s", topic.schema().get()).isFalse();
        }
    }

    @Test
    void eachEventKindHasItsSubjectAndAnOpenSchemaThatTypesItsKeyFields() throws Exception {
        // given: the topics whose values come in several kinds
        ObjectMapper json = new ObjectMapper();
        TopicSpec raw = spec.topic(Topics.PRODUCT_EVENTS_RAW).orElseThrow();

        // then: a subject per kind, and each kind's schema keeps unknown fields (apps add fields) but types
        // the fields it knows and requires the key fields as strings
        assertThat(raw.subjects()).as("subjects of %s", raw.name()).containsOnlyKeys(
                "product-events-raw-view-event", "product-events-raw-product_events");
        for (String file : raw.subjects().values()) {
            JsonNode schema = json.readTree(PlatformSpec.schemaText(file));
            assertThat(schema.path("$schema").asText()).as("dialect of %s", file)
                    .isEqualTo("http://json-schema.org/draft-07/schema#");
            assertThat(schema.path("additionalProperties").asBoolean(false)).as("open %s", file).isTrue();
            for (JsonNode required : schema.path("required")) {
                assertThat(schema.path("properties").path(required.asText()).path("type").asText())
                        .as("type of key field %s in %s", required.asText(), file).isEqualTo("string");
            }
        }
        assertThat(spec.topic(Topics.PRODUCT_EVENTS).orElseThrow().subjects().values()).as("product-events' schemas")
                .containsExactlyElementsOf(raw.subjects().values());
    }

    @Test
    void aKindIsDeclaredOnceEitherAsSchemaOrAsSchemas() {
        assertThatThrownBy(() -> new TopicSpec("t", null, null, 1, null, "a.json", Map.of("k", "b.json"), false, false, null))
                .as("both").hasMessageContaining("topic 't': declares both 'schema' and 'schemas'");
        assertThatThrownBy(() -> new TopicSpec("t", null, null, 1, null, null, Map.of("View Event", "b.json"), false, false,
                null)).as("kind name").hasMessageContaining("topic 't': schemas: kind 'View Event' must match");
    }

    @Test
    void aclLinesBecomeAllowBindingsForThePrincipal() {
        PrincipalSpec filter = spec.principal("filter").orElseThrow();
        List<AclBinding> bindings = filter.bindings(Cluster.MAIN);
        assertThat(bindings).as("filter's bindings").anyMatch(b -> b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID
                && b.pattern().patternType() == PatternType.PREFIXED && b.entry().operation() == AclOperation.WRITE
                && b.entry().principal().equals("User:filter"));
        assertThat(filter.clusters()).as("clusters of filter").containsExactly(Cluster.MAIN);
        assertThat(spec.principal("mirror").orElseThrow().clusters()).as("clusters of mirror")
                .containsExactlyInAnyOrder(Cluster.MAIN, Cluster.MIRROR);
    }

    @Test
    void mirrorMakerMayReadEveryMirroredTopicOfMainAndNothingMore() {
        // given: the topics topics.yaml marks mirrored
        List<String> mirrored = spec.mirroredTopics();

        // then: access.yaml lets principal mirror read exactly those topics on main
        assertThat(mirrored).as("mirrored topics").containsExactly(Topics.ITEMS, Topics.ORDERS, Topics.FILTERED_ITEMS,
                Topics.CLIENT_SEARCH, Topics.RECOMMENDATIONS, Topics.ANALYTIC_TOPIC, Topics.PROMO_CAMPAIGNS,
                Topics.PROMO_NOTIFICATIONS);
        assertThat(spec.principal("mirror").orElseThrow().acls()).as("mirror's reads on main")
                .filteredOn(a -> a.cluster() == Cluster.MAIN && a.resource() == ResourceType.TOPIC
                        && a.operations().contains(AclOperation.READ))
                .extracting(AclSpec::name).containsExactlyInAnyOrderElementsOf(mirrored);
    }

    @Test
    void onlyOpsMayWriteTheStopList() {
        assertThat(spec.principals()).as("principals writing blocked-products")
                .filteredOn(p -> p.acls().stream().anyMatch(a -> a.name().equals(Topics.BLOCKED_PRODUCTS)
                        && (a.operations().contains(AclOperation.WRITE) || a.operations().contains(AclOperation.ALL))))
                .extracting(PrincipalSpec::name).containsExactly("ops");
    }

    @Test
    void badAclLineIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> AclSpec.fromYaml(null, "topic", "items", null, List.of("READ", "FLY")))
                .as("unknown operation").hasMessageContaining("unknown acl operation 'FLY'");
        assertThatThrownBy(() -> AclSpec.fromYaml(null, "queue", "items", null, List.of("READ")))
                .as("unknown resource").hasMessageContaining("unknown acl resource 'queue'");
        assertThatThrownBy(() -> AclSpec.fromYaml(null, "topic", "app-", "prefixed", List.of("READ", "ALL")))
                .as("ALL").hasMessageContaining("acl on app- grants ALL");
        assertThatThrownBy(() -> new TopicSpec("items", null, null, 0, null, null, null, false, false, null))
                .as("no partitions").hasMessageContaining("topic 'items': partitions must be at least 1");
    }

    private static List<String> topicConstants() throws IllegalAccessException {
        List<String> names = new java.util.ArrayList<>();
        for (Field field : Arrays.stream(Topics.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers())).toList()) {
            names.add((String) field.get(null));
        }
        return names;
    }
}
