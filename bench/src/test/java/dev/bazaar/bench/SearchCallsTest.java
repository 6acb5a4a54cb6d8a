package dev.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.client.search.SearchRequests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDirectBodyIsClientApisSearchOfTheFirstPage() throws Exception {
        // when
        JsonNode body = JSON.readTree(SearchCalls.body("yoga mat", "shopper-01"));

        // then
        JsonNode match = body.path("query").path("multi_match");
        List<String> fields = new ArrayList<>();
        match.path("fields").forEach(field -> fields.add(field.asText()));
        assertThat(match.path("query").asText()).as("the text searched").isEqualTo("yoga mat");
        assertThat(fields).as("the fields client-api searches").isEqualTo(SearchRequests.FIELDS);
        assertThat(match.path("fuzziness").asText()).as("client-api's default fuzziness").isEqualTo("AUTO");
        assertThat(body.path("from").asInt(-1)).as("first page").isZero();
        assertThat(body.path("size").asInt()).as("client-api's default page size").isEqualTo(SearchCalls.PAGE_SIZE);
        assertThat(body.path("track_total_hits").asBoolean()).as("exact totals, as client-api asks").isTrue();
    }
}
