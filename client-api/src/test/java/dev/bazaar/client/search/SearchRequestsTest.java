package dev.bazaar.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Elasticsearch request a search becomes, read as the JSON the node receives. */
class SearchRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneFuzzyMultiMatchOverTheItemTextFields() throws Exception {
        // given a search for a word with a typo
        SearchQuery query = new SearchQuery("ганетли", 1, 10, "client");

        // when it is built
        JsonNode body = body(SearchRequests.build(query, "items", "AUTO"));

        // then it is one multi_match with fuzziness over names, brand, tags, category and descriptions
        JsonNode match = body.path("query").path("multi_match");
        assertThat(match.path("query").asText()).as("text").isEqualTo("ганетли");
        assertThat(match.path("fuzziness").asText()).as("fuzziness").isEqualTo("AUTO");
        assertThat(match.path("type").asText()).as("type").isEqualTo("best_fields");
        assertThat(JSON.convertValue(match.path("fields"), String[].class)).as("fields").containsExactly(
                "name.ru^3", "name.en^3", "brand.text^2", "tags.text^2", "category.text^2", "description.ru",
                "description.en");
    }

    @Test
    void pageThreeOfTenStartsAtTheTwentiethResultAndCountsEveryMatch() throws Exception {
        JsonNode body = body(SearchRequests.build(new SearchQuery("mat", 3, 10, "client"), "items", "1"));
        assertThat(body.path("from").asInt()).as("from").isEqualTo(20);
        assertThat(body.path("size").asInt()).as("size").isEqualTo(10);
        assertThat(body.path("track_total_hits").asBoolean()).as("exact total").isTrue();
        assertThat(body.path("query").path("multi_match").path("fuzziness").asText()).as("fuzziness").isEqualTo("1");
    }

    @Test
    void onlyTheFieldsAResultShowsAreFetchedOrderedByScoreThenId() throws Exception {
        JsonNode body = body(SearchRequests.build(new SearchQuery("mat", 1, 10, "client"), "items", "AUTO"));
        assertThat(JSON.convertValue(body.path("_source").path("includes"), String[].class)).as("source fields")
                .containsExactly("productId", "name", "category", "price");
        assertThat(body.path("sort").toString()).as("sort")
                .isEqualTo("[{\"_score\":{\"order\":\"desc\"}},{\"productId\":{\"order\":\"asc\"}}]");
    }

    @Test
    void targetsTheIndexAndToleratesItsAbsence() {
        SearchRequest request = SearchRequests.build(new SearchQuery("mat", 1, 10, "client"), "items", "AUTO");
        assertThat(request.index()).as("index").containsExactly("items");
        assertThat(request.ignoreUnavailable()).as("a missing index finds nothing").isTrue();
    }

    private static JsonNode body(SearchRequest request) throws Exception {
        return JSON.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }
}
