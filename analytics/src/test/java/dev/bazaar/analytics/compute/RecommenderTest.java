package dev.bazaar.analytics.compute;

import static dev.bazaar.analytics.OrderFixture.ATLAS;
import static dev.bazaar.analytics.OrderFixture.BOTTLE;
import static dev.bazaar.analytics.OrderFixture.CABLE;
import static dev.bazaar.analytics.OrderFixture.DUMBBELLS;
import static dev.bazaar.analytics.OrderFixture.KETTLEBELL;
import static dev.bazaar.analytics.OrderFixture.KNIFE;
import static dev.bazaar.analytics.OrderFixture.MAT;
import static dev.bazaar.analytics.OrderFixture.NOVEL;
import static dev.bazaar.analytics.OrderFixture.PHONE;
import static dev.bazaar.analytics.OrderFixture.ROPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.OrderFixture;
import dev.bazaar.analytics.TestSpark;
import dev.bazaar.analytics.catalog.Catalog;
import dev.bazaar.analytics.orders.Orders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommendations of the fixture's shop, worked out by hand. In the period (only orders not
 * cancelled, latest versions) the buyers of each product are: yoga-mat Alice, Bob, Carol; novel Alice,
 * Carol; kettlebell Bob, Dave; usb-cable Dave, Erin; dumbbells Alice; bottle Carol; atlas Carol;
 * jump-rope Dave; phone Dave; knife Bob. Popularity is buyers / 3. Alice, Bob, Carol and Dave have two
 * orders each in the period (personal lists); Erin one, Frank and Gina none (popular lists).
 */
class RecommenderTest {

    @TempDir
    static Path folder;

    private static Orders orders;
    /** The lists with the default settings (at most 10, personal from 2 orders) and the storefront catalog. */
    private static Map<String, List<String>> lists;

    @BeforeAll
    static void readTheFixture() throws IOException {
        orders = OrderFixture.readStandard(folder);
        lists = recommend(10, OrderFixture.catalog());
    }

    @AfterAll
    static void release() {
        orders.close();
    }

    @Test
    void ranksCoPurchasesThenCategoryAffinityThenPopularity() {
        // given the default settings (see readTheFixture)
        // then
        // Alice bought mat, novel, dumbbells (and a bottle before the period); units: sports 3/4, books 1/4.
        // atlas: Carol bought mat and novel with it: co-purchase 2 (her best, 1.0) -> .5 + .3 × 1/4 + .2 × 1/3
        // kettlebell: Bob bought the mat with it: 1 (0.5) -> .25 + .3 × 3/4 + .2 × 2/3
        // jump-rope: nobody shares Alice's products with it -> .3 × 3/4 + .2 × 1/3, mostly sports affinity
        // phone: her own order of it was cancelled, so it is not "already bought"
        assertThat(lists.get("Alice")).as("Alice's list").containsExactly(
                "1 atlas 0.6417 co-purchase",
                "2 kettlebell 0.6083 co-purchase",
                "3 jump-rope 0.2917 category-affinity",
                "4 usb-cable 0.1333 popular",
                "5 phone 0.0667 popular");
        // Bob: mat buyers Alice and Carol lead to novel (2) and their other products (1 each), kettlebell buyer
        // Dave to his (1 each); sports 2/3 of his units (the knife counts in his total, in no known category)
        assertThat(lists.get("Bob")).as("Bob's list").containsExactly(
                "1 novel 0.6333 co-purchase",
                "2 bottle 0.5167 co-purchase",
                "3 dumbbells 0.5167 co-purchase",
                "4 jump-rope 0.5167 co-purchase",
                "5 usb-cable 0.3833 co-purchase",
                "6 atlas 0.3167 co-purchase",
                "7 phone 0.3167 co-purchase");
        // Carol (the shipped version of o-c1 counts: one mat): sports 1/2, books 1/2
        assertThat(lists.get("Carol")).as("Carol's list").containsExactly(
                "1 dumbbells 0.7167 co-purchase",
                "2 kettlebell 0.5333 co-purchase",
                "3 jump-rope 0.2167 category-affinity",
                "4 usb-cable 0.1333 popular",
                "5 phone 0.0667 popular");
        // Dave: tech 3/5, sports 2/5; Bob shares the kettlebell with him and bought the mat
        assertThat(lists.get("Dave")).as("Dave's list").containsExactly(
                "1 yoga-mat 0.8200 co-purchase",
                "2 bottle 0.1867 category-affinity",
                "3 dumbbells 0.1867 category-affinity",
                "4 novel 0.1333 popular",
                "5 atlas 0.0667 popular");
    }

    @Test
    void customersWithLittleHistoryGetTheMostBoughtProductsTheyDoNotHave() {
        // given the default settings (see readTheFixture)
        // then: Erin has one order in the period, Frank only an older one (the atlas), Gina only a cancelled one
        assertThat(lists.get("Erin")).as("Erin's list").containsExactly(
                "1 yoga-mat 1.0000 popular", "2 kettlebell 0.6667 popular", "3 novel 0.6667 popular",
                "4 atlas 0.3333 popular", "5 bottle 0.3333 popular", "6 dumbbells 0.3333 popular",
                "7 jump-rope 0.3333 popular", "8 phone 0.3333 popular");
        assertThat(lists.get("Frank")).as("Frank's list").containsExactly(
                "1 yoga-mat 1.0000 popular", "2 kettlebell 0.6667 popular", "3 novel 0.6667 popular",
                "4 usb-cable 0.6667 popular", "5 bottle 0.3333 popular", "6 dumbbells 0.3333 popular",
                "7 jump-rope 0.3333 popular", "8 phone 0.3333 popular");
        assertThat(lists.get("Gina")).as("Gina's list").hasSize(9).startsWith("1 yoga-mat 1.0000 popular")
                .contains("9 phone 0.3333 popular");
    }

    @Test
    void aBlockedProductIsNeverRecommendedThoughItSold() {
        // given the knife sold (Bob), but it is not in the catalog (see readTheFixture)
        // when the catalog still held it
        Map<String, List<String>> before = recommend(10, OrderFixture.catalogWithKnife());

        // then
        assertThat(lists.values()).as("every list").allSatisfy(list ->
                assertThat(list).noneMatch(entry -> entry.contains(" " + KNIFE + " ")));
        assertThat(before.get("Alice")).as("Alice's list while the knife was in the catalog")
                .contains("3 knife 0.3167 co-purchase");
    }

    @Test
    void nothingAlreadyBoughtNorUncommittedIsRecommended() {
        // given the default settings (see readTheFixture)
        // then
        assertThat(lists.get("Alice")).as("Alice's list: she bought these (the bottle before the period)")
                .noneMatch(entry -> entry.contains(" " + MAT + " ") || entry.contains(" " + NOVEL + " ")
                        || entry.contains(" " + DUMBBELLS + " ") || entry.contains(" " + BOTTLE + " "));
        assertThat(lists.get("Dave")).as("Dave's list").noneMatch(entry -> entry.contains(" " + PHONE + " ")
                || entry.contains(" " + CABLE + " ") || entry.contains(" " + KETTLEBELL + " ")
                || entry.contains(" " + ROPE + " "));
        assertThat(lists.get("Frank")).as("Frank's list").noneMatch(entry -> entry.contains(" " + ATLAS + " "));
        assertThat(lists.values()).as("every list: only files that are not committed hold the hidden gem")
                .allSatisfy(list -> assertThat(list).noneMatch(entry -> entry.contains(OrderFixture.HIDDEN_GEM)));
    }

    @Test
    void everyKnownCustomerGetsAtMostTheConfiguredNumber() {
        // when
        Map<String, List<String>> top3 = recommend(3, OrderFixture.catalog());

        // then
        assertThat(top3).as("lists by customer").containsOnlyKeys(OrderFixture.CUSTOMERS);
        assertThat(top3.get("Alice")).as("Alice's top 3").containsExactly(
                "1 atlas 0.6417 co-purchase", "2 kettlebell 0.6083 co-purchase", "3 jump-rope 0.2917 category-affinity");
        assertThat(top3.values()).as("every list").allSatisfy(list -> assertThat(list).hasSize(3));
    }

    @Test
    void anEmptyCatalogLeavesEveryCustomerAnEmptyList() {
        // when
        Map<String, List<String>> empty = recommend(10, Catalog.of(List.of()));

        // then: the list is still published, replacing an older one that may name blocked products
        assertThat(empty).as("lists by customer").containsOnlyKeys(OrderFixture.CUSTOMERS);
        assertThat(empty.values()).as("every list").allSatisfy(list -> assertThat(list).isEmpty());
    }

    private static Map<String, List<String>> recommend(int max, Catalog catalog) {
        Recommender recommender = new Recommender(max, 2);
        Map<String, List<String>> result = new TreeMap<>();
        List<Row> rows = recommender.recommend(orders, OrderFixture.PERIOD, CatalogFrame.of(TestSpark.session(), catalog))
                .collectAsList();
        for (Row row : rows) {
            CustomerRecommendations list = Recommender.fromRow(row);
            result.put(list.customer(), list.recommendations().stream().map(RecommenderTest::describe).toList());
        }
        return result;
    }

    private static String describe(Recommendation recommendation) {
        return String.format(Locale.ROOT, "%d %s %.4f %s", recommendation.rank(), recommendation.productId(),
                recommendation.score(), recommendation.reason().label());
    }
}
