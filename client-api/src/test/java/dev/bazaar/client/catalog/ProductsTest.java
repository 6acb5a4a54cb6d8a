package dev.bazaar.client.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How indexed items (the item JSON of setup/schemas/items.json) become the products client-api shows. */
class ProductsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void itemBecomesIdNamesCategoryAndExactPrice() throws Exception {
        // given the example item as the search sink indexed it
        JsonNode item = exampleItem();

        // when it is mapped
        Product product = Products.from("dumbbells-2x10", item);

        // then the shopper sees its id, both names, its category and the exact price
        assertThat(product).as("product").isEqualTo(new Product("dumbbells-2x10",
                new LocalizedText("Гантели разборные 2×10 кг", "Adjustable dumbbells 2×10 kg"), "sports",
                new Price(new BigDecimal("4990.99"), "RUB")));
    }

    @Test
    void missingFieldsStayNullInsteadOfFailing() throws Exception {
        Product product = Products.from("bare-1", JSON.readTree("{\"productId\":\"bare-1\"}"));
        assertThat(product).as("product of a bare document").isEqualTo(new Product("bare-1", null, null, null));
    }

    @Test
    void hitsBecomeTheTotalAndThePageInTheirOrder() throws Exception {
        // given a page of two hits out of 12 matches
        JsonNode item = exampleItem();
        HitsMetadata<JsonNode> hits = HitsMetadata.of(m -> m
                .total(t -> t.value(12).relation(TotalHitsRelation.Eq))
                .hits(List.of(hit("b-2", item), hit("a-1", item))));

        // when they are mapped
        SearchHits page = Products.from(hits);

        // then the total is every match, the products keep Elasticsearch's order
        assertThat(page.total()).as("total").isEqualTo(12);
        assertThat(page.products()).as("products").extracting(Product::id).containsExactly("b-2", "a-1");
        assertThat(page.products().getFirst().category()).as("category").isEqualTo("sports");
    }

    @Test
    void nameInALanguageFallsBackToTheOther() {
        assertThat(new LocalizedText("Гантели", null).in("en")).as("en missing").isEqualTo("Гантели");
        assertThat(new LocalizedText("Гантели", "Dumbbells").in("en")).as("en").isEqualTo("Dumbbells");
        assertThat(new LocalizedText("Гантели", "Dumbbells").in("ru")).as("ru").isEqualTo("Гантели");
    }

    private static Hit<JsonNode> hit(String id, JsonNode source) {
        return Hit.of(h -> h.index("items").id(id).score(1.0).source(source));
    }

    private static JsonNode exampleItem() throws Exception {
        try (InputStream in = ProductsTest.class.getResourceAsStream("/bazaar/setup/schemas/examples/items.valid.json")) {
            return JSON.readTree(in);
        }
    }
}
