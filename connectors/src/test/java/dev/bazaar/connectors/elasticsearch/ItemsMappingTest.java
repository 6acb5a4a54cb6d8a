package dev.bazaar.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Checks the shipped item mapping against the item JSON Schema in {@code setup/schemas}, the one
 * place the item's fields are declared, and against what this Elasticsearch has (core only).
 */
class ItemsMappingTest {

    private static final Path ITEM_SCHEMA = Path.of("..", "setup", "schemas", "items.json");
    private static final Set<String> CORE_TYPES = Set.of("keyword", "text", "long", "integer", "double", "date",
            "boolean", "object", "flattened");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyFieldOfTheItemSchemaIsMapped() throws IOException {
        // given
        JsonNode schema = mapper.readTree(ITEM_SCHEMA.toFile());
        JsonNode mapping = mapper.readTree(IndexMappings.items());

        // when
        List<String> unmapped = new ArrayList<>();
        collectUnmapped(schema, schema, mapping, "", unmapped);

        // then
        assertThat(unmapped).as("schema fields missing from %s", IndexMappings.ITEMS_RESOURCE).isEmpty();
    }

    @Test
    void unknownFieldsAreKeptButNotIndexed() throws IOException {
        // when
        JsonNode mapping = mapper.readTree(IndexMappings.items());

        // then
        assertThat(mapping.path("dynamic").asText()).as("dynamic").isEqualTo("false");
    }

    @Test
    void onlyCoreTypesAndTheStandardAnalyzerAreUsed() throws IOException {
        // given
        JsonNode mapping = mapper.readTree(IndexMappings.items());

        // when
        List<JsonNode> fields = new ArrayList<>();
        mapping.findParents("type").forEach(fields::add);

        // then
        assertThat(fields).as("mapped fields").isNotEmpty().allSatisfy(field -> {
            assertThat(CORE_TYPES).as("core types").contains(field.get("type").asText());
            if (field.has("analyzer")) {
                assertThat(field.get("analyzer").asText()).as("analyzer").isEqualTo("standard");
            }
        });
        assertThat(mapping.at("/properties/productId/type").asText()).as("productId").isEqualTo("keyword");
        assertThat(mapping.at("/properties/name/properties/en/fields/keyword/type").asText()).as("name.en.keyword")
                .isEqualTo("keyword");
        assertThat(mapping.at("/properties/images/enabled").asBoolean(true)).as("images indexed").isFalse();
    }

    private void collectUnmapped(JsonNode root, JsonNode schema, JsonNode mapping, String path, List<String> out) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = path + property.getKey();
            JsonNode mapped = mapping.path("properties").path(property.getKey());
            JsonNode resolved = resolve(root, property.getValue());
            if (mapped.isMissingNode()) {
                out.add(name);
            } else if (resolved.has("properties") && !mapped.has("type") && mapped.path("enabled").asBoolean(true)) {
                collectUnmapped(root, resolved, mapped, name + ".", out);
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : root.at(ref.asText().substring(1));
    }
}
