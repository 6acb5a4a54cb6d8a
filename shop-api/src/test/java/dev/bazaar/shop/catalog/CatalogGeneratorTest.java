package dev.bazaar.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The default catalog's size, mix, identifiers, prices and reproducibility. */
class CatalogGeneratorTest {

    private static final List<ObjectNode> CATALOG =
            new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(CatalogGenerator.DEFAULT_SIZE);

    @Test
    void sameSeedYieldsByteIdenticalJson() {
        // given
        CatalogGenerator first = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED);
        CatalogGenerator second = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED);

        // when
        String once = first.products(CatalogGenerator.DEFAULT_SIZE).toString();
        String again = second.products(CatalogGenerator.DEFAULT_SIZE).toString();

        // then
        assertThat(again).as("JSON of two catalogs from one seed").isEqualTo(once);
        assertThat(first.products(CatalogGenerator.DEFAULT_SIZE).toString())
                .as("JSON of a second call on the same generator").isEqualTo(once);
    }

    @Test
    void differentSeedYieldsADifferentCatalog() {
        // given
        CatalogGenerator usual = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED);
        CatalogGenerator other = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED + 1);

        // when
        List<ObjectNode> usualProducts = usual.products(CatalogGenerator.DEFAULT_SIZE);
        List<ObjectNode> otherProducts = other.products(CatalogGenerator.DEFAULT_SIZE);

        // then
        assertThat(otherProducts.toString()).as("JSON of catalogs from different seeds")
                .isNotEqualTo(usualProducts.toString());
        long sameNames = countSame(usualProducts, otherProducts, product -> product.get("name"));
        assertThat(sameNames).as("products named alike at the same position").isLessThan(usualProducts.size() / 2);
    }

    @Test
    void defaultCatalogHasEnoughProductsInEnoughCategories() {
        // given
        List<String> categories = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).categories();

        // when
        Map<String, Long> perCategory = countByCategory(CATALOG);

        // then
        assertThat(CATALOG).as("default catalog").hasSize(CatalogGenerator.DEFAULT_SIZE)
                .hasSizeGreaterThanOrEqualTo(500);
        assertThat(categories).as("categories").hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();
        assertThat(perCategory.keySet()).as("categories products carry")
                .containsExactlyInAnyOrderElementsOf(categories);
        assertThat(perCategory).as("products per category").allSatisfy((category, count) ->
                assertThat(count).as("products in %s", category).isGreaterThanOrEqualTo(20));
    }

    @Test
    void fiveHundredProductsStillFillEveryCategory() {
        // given
        CatalogGenerator generator = new CatalogGenerator(7L);

        // when
        Map<String, Long> perCategory = countByCategory(generator.products(500));

        // then
        assertThat(perCategory).as("products per category of a 500-product catalog").hasSize(12)
                .allSatisfy((category, count) -> assertThat(count).as("products in %s", category)
                        .isGreaterThanOrEqualTo(20));
    }

    @Test
    void productIdsAndSkusAreUnique() {
        // given
        List<ObjectNode> products = CATALOG;

        // when
        Set<String> ids = distinct(products, "productId");
        Set<String> skus = distinct(products, "sku");

        // then
        assertThat(ids).as("distinct product ids").hasSize(products.size()).contains("p-00001", "p-00600");
        assertThat(skus).as("distinct SKUs").hasSize(products.size());
    }

    @Test
    void someProductsAreDumbbells() {
        // given
        List<ObjectNode> products = CATALOG;

        // when
        List<String> russianNames = products.stream().map(product -> product.path("name").path("ru").asText()).toList();

        // then
        assertThat(russianNames).as("Russian names starting with Гантели")
                .filteredOn(name -> name.contains("Гантели")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(russianNames).as("Russian names with the lower-case word гантели the search demo looks for")
                .filteredOn(name -> name.contains("гантели")).isNotEmpty();
    }

    @Test
    void pricesArePositiveRoublesWithAtMostTwoDecimals() {
        // given
        List<JsonNode> prices = CATALOG.stream().map(product -> product.get("price")).toList();

        // when
        List<BigDecimal> amounts = prices.stream().map(price -> price.get("amount").decimalValue()).toList();

        // then
        assertThat(prices).as("currencies").allSatisfy(price ->
                assertThat(price.get("currency").asText()).isEqualTo("RUB"));
        assertThat(amounts).as("amounts").allSatisfy(amount -> {
            assertThat(amount).as("amount").isPositive();
            assertThat(amount.stripTrailingZeros().scale()).as("decimals of %s", amount).isLessThanOrEqualTo(2);
        });
        assertThat(CATALOG.toString()).as("JSON uses a decimal point").contains("\"amount\":");
    }

    @Test
    void stockImagesStoresAndTimestampsLookReal() {
        // given
        List<ObjectNode> products = CATALOG;

        // when
        Set<String> stores = distinct(products, "storeId");

        // then
        assertThat(products).as("stock").allSatisfy(p -> assertThat(p.get("stock").asInt()).isNotNegative())
                .anySatisfy(p -> assertThat(p.get("stock").asInt()).isZero());
        assertThat(stores).as("stores").hasSize(8).allSatisfy(id -> assertThat(id).matches("store-0[1-8]"));
        assertThat(products).as("images").allSatisfy(p -> assertThat(p.get("images").size()).isBetween(0, 3))
                .allSatisfy(p -> p.get("images").forEach(image ->
                        assertThat(image.get("url").asText()).startsWith("https://img.bazaar.dev/")));
        assertThat(products).as("timestamps").allSatisfy(p -> {
            Instant created = Instant.parse(p.get("createdAt").asText());
            assertThat(p.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z");
            assertThat(Instant.parse(p.get("updatedAt").asText())).isAfterOrEqualTo(created);
        });
    }

    @Test
    void countBelowOneIsRejectedNamingTheValue() {
        // given
        CatalogGenerator generator = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED);

        // when / then
        assertThatThrownBy(() -> generator.products(-3)).as("negative count")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> generator.products(0)).as("zero count")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
        assertThat(generator.products(1)).as("a one-product catalog").hasSize(1);
    }

    private static Map<String, Long> countByCategory(List<ObjectNode> products) {
        return products.stream().collect(Collectors.groupingBy(p -> p.get("category").asText(), Collectors.counting()));
    }

    private static Set<String> distinct(List<ObjectNode> products, String field) {
        Set<String> values = new HashSet<>();
        products.forEach(product -> values.add(product.get(field).asText()));
        return values;
    }

    private static long countSame(List<ObjectNode> first, List<ObjectNode> second, Function<ObjectNode, JsonNode> of) {
        int size = Math.min(first.size(), second.size());
        long same = 0;
        for (int i = 0; i < size; i++) {
            if (of.apply(first.get(i)).equals(of.apply(second.get(i)))) {
                same++;
            }
        }
        return same;
    }
}
