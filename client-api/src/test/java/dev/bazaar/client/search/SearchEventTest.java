package dev.bazaar.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The record of a search is valid against the platform's client-search schema, field by field. */
class SearchEventTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadTheClientSearchSchema() throws Exception {
        try (InputStream in = SearchEventTest.class.getResourceAsStream("/bazaar/setup/schemas/client-search.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void eventOfASearchIsAValidClientSearchRecord() {
        // given a search by Charlie for page 2 that found 12 products
        SearchQuery query = new SearchQuery("гантели 10 кг", 2, 10, "Charlie");

        // when its event is made
        SearchEvent event = SearchEvent.of(query, 12, Instant.parse("2026-11-23T10:15:30.123Z"));
        JsonNode json = event.toJson();

        // then it carries what the schema requires, and nothing it forbids
        assertThat(schema.validate(json)).as("schema violations of %s", json).isEmpty();
        assertThat(json.path("user").asText()).as("user").isEqualTo("Charlie");
        assertThat(json.path("query").asText()).as("query").isEqualTo("гантели 10 кг");
        assertThat(json.path("page").asInt()).as("page").isEqualTo(2);
        assertThat(json.path("resultCount").asLong()).as("result count").isEqualTo(12);
        assertThat(json.path("timestamp").asText()).as("timestamp").isEqualTo("2026-11-23T10:15:30.123Z");
    }

    @Test
    void everySearchGetsItsOwnId() {
        SearchQuery query = new SearchQuery("mat", 1, 10, "client");
        Instant now = Instant.now();
        assertThat(SearchEvent.of(query, 0, now).searchId()).as("ids of two searches")
                .isNotEqualTo(SearchEvent.of(query, 0, now).searchId());
        assertThat(schema.validate(SearchEvent.of(query, 0, now).toJson())).as("a search that found nothing").isEmpty();
    }
}
