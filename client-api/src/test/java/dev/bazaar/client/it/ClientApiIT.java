package dev.bazaar.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.client.cli.ClientCli;
import dev.bazaar.client.recommend.RecommendationsStore;
import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * client-api against the real platform: a secure cluster, the schema registry, Elasticsearch fed by
 * the search sink on Connect through stream-filter, all started as {@code ./bazaar up} starts them.
 * Items enter as the shop publishes them (principal shop on {@code items}); recommendations as the
 * analytics job publishes them (principal analytics); the stop-list as ops edits it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientApiIT implements TestPropertyProvider {

    /** How long an item may take from {@code items} through stream-filter and the search sink into the index. */
    private static final Duration INDEXED = Duration.ofSeconds(120);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration CONFIGURED_WAIT = Duration.ofSeconds(15);
    /**
     * This run's mark: the tag every item of this run carries (one token for the standard analyzer),
     * and part of its product ids and customers. The build's one platform holds every module's items
     * and recommendations, so the tests search for made-up words and ask for their own customers only.
     */
    private static final String TAG = MadeUpWords.latin();
    private static final String DUMBBELLS = "cl-" + TAG + "-dumbbells";
    private static final String YOGA_MAT = "cl-" + TAG + "-yoga-mat";
    private static final String KETTLE = "cl-" + TAG + "-kettle";
    private static final String BALL = "cl-" + TAG + "-ball";
    /** Words of one item each (a tag, or the brand), where a shopper would search for "гантели" or "kettle". */
    private static final String DUMBBELLS_RU = MadeUpWords.cyrillic();
    private static final String DUMBBELLS_EN = MadeUpWords.latin();
    private static final String YOGA_MAT_BRAND = "Zen" + MadeUpWords.latin();
    private static final String KETTLE_RU = MadeUpWords.cyrillic();
    private static final String KETTLE_EN = MadeUpWords.latin();
    private static final String BALL_RU = MadeUpWords.cyrillic();
    private static final List<ObjectNode> CATALOG = List.of(
            PlatformRecords.item(DUMBBELLS, "Гантели разборные 2×10 кг", "Adjustable dumbbells 2×10 kg", "sports",
                    "IronBody", 4990.99, "гантели", "dumbbells", DUMBBELLS_RU, DUMBBELLS_EN, TAG),
            PlatformRecords.item(YOGA_MAT, "Коврик для йоги нескользящий", "Non-slip yoga mat", "sports", YOGA_MAT_BRAND,
                    1290, "йога", "yoga", TAG),
            PlatformRecords.item(KETTLE, "Электрический чайник 1,7 л", "Electric kettle 1.7 l", "home", "Teplo",
                    2490.5, "чайник", "kettle", KETTLE_RU, KETTLE_EN, TAG),
            PlatformRecords.item(BALL, "Мяч футбольный", "Football", "sports", "Kicker", 1990, "мяч", "ball", BALL_RU,
                    TAG));
    private static final String EVA = customer("Eva");
    private static final String FRANK = customer("Frank");
    private static final String GRACE = customer("Grace");
    private static final String HENRY = customer("Henry");
    private static final String IVAN = customer("Ivan");

    private Running platform;
    private PlatformRecords records;
    private ClientApiHttp http;

    @Inject
    EmbeddedServer server;

    @Inject
    RecommendationsStore store;

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        records = new PlatformRecords(platform);
        return Map.of("client.var-dir", platform.layout().root().toString(), "micronaut.server.ssl.port", "-1",
                "client.page-size", "2", "client.recommendations-wait", CONFIGURED_WAIT.toSeconds() + "s");
    }

    @BeforeAll
    void theShopPublishedTheCatalogAndItIsIndexed() throws Exception {
        http = new ClientApiHttp(server.getURL().toString(), platform.layout());
        records.publishItems(CATALOG);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(500))
                .until(() -> search(TAG, "").path("total").asInt() == CATALOG.size());
    }

    @Test
    void searchFindsTheItemWithItsIdNameCategoryAndPrice() throws Exception {
        // when a shopper searches for the dumbbells by a Russian word
        ClientApiHttp.Answer answer = http.get("/search?q=" + ClientApiHttp.encode(DUMBBELLS_RU), basic());

        // then the item is the first result, shown with id, names, category and exact price
        assertThat(answer.status()).as("status; body %s", answer.body()).isEqualTo(200);
        JsonNode page = answer.json();
        assertThat(page.path("total").asInt()).as("total").isEqualTo(1);
        JsonNode first = page.path("results").get(0);
        assertThat(first.path("id").asText()).as("id").isEqualTo(DUMBBELLS);
        assertThat(first.path("name").path("ru").asText()).as("name").isEqualTo("Гантели разборные 2×10 кг");
        assertThat(first.path("name").path("en").asText()).as("name en").isEqualTo("Adjustable dumbbells 2×10 kg");
        assertThat(first.path("category").asText()).as("category").isEqualTo("sports");
        assertThat(first.path("price").path("amount").decimalValue()).as("price").isEqualByComparingTo("4990.99");
        assertThat(first.path("price").path("currency").asText()).as("currency").isEqualTo("RUB");
        assertThat(page.path("user").asText()).as("user: the authenticated one").isEqualTo(ClientApiCredentials.USER);
    }

    @Test
    void typoStillFindsTheItem() throws Exception {
        // when the shopper mistypes the word, in Russian and in English
        JsonNode russian = search(MadeUpWords.typo(DUMBBELLS_RU), "");
        JsonNode english = search(MadeUpWords.typo(DUMBBELLS_EN), "");

        // then the fuzzy search finds the dumbbells all the same
        assertThat(ids(russian)).as("ids for the Russian word mistyped").containsExactly(DUMBBELLS);
        assertThat(ids(english)).as("ids for the English word mistyped").containsExactly(DUMBBELLS);
    }

    @Test
    void brandAndTagsAreSearchedToo() throws Exception {
        assertThat(ids(search(YOGA_MAT_BRAND, ""))).as("by brand").containsExactly(YOGA_MAT);
        assertThat(ids(search(KETTLE_EN, ""))).as("by tag").containsExactly(KETTLE);
    }

    @Test
    void wordOfNoItemFindsNothing() throws Exception {
        JsonNode page = search("qwxzjvbn", "");
        assertThat(page.path("total").asInt()).as("total").isZero();
        assertThat(page.path("results").size()).as("results").isZero();
    }

    @Test
    void pagesSplitTheMatchesWithoutOverlap() throws Exception {
        // when the two pages of the test's items (page size 2) are read
        JsonNode first = search(TAG, "&page=1");
        JsonNode second = search(TAG, "&page=2");

        // then each holds at most two, both the same total, no product on both
        assertThat(first.path("pageSize").asInt()).as("page size").isEqualTo(2);
        assertThat(ids(first)).as("page 1").hasSize(2);
        assertThat(second.path("total").asInt()).as("total of page 2").isEqualTo(first.path("total").asInt());
        assertThat(ids(second)).as("page 2").isNotEmpty().doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void everySearchIsRecordedOnClientSearchInTheRegistryWireFormat() throws Exception {
        // when Charlie searches for a kettle
        JsonNode page = search(KETTLE_RU, "&user=Charlie");
        String searchId = page.path("searchId").asText();

        // then client-search holds the search, keyed by the user, validated and framed for the registry
        ConsumerRecord<String, byte[]> record = records.clientSearch(searchId, DEADLINE);
        assertThat(record.key()).as("key").isEqualTo("Charlie");
        assertThat(record.value()[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt()).as("schema id").isPositive();
        JsonNode event = PlatformRecords.unframe(record.value()).orElseThrow();
        assertThat(event.path("searchId").asText()).as("searchId").isEqualTo(searchId);
        assertThat(event.path("user").asText()).as("user").isEqualTo("Charlie");
        assertThat(event.path("query").asText()).as("query").isEqualTo(KETTLE_RU);
        assertThat(event.path("page").asInt()).as("page").isEqualTo(1);
        assertThat(event.path("resultCount").asInt()).as("result count").isEqualTo(page.path("total").asInt()).isOne();
        assertThat(Instant.parse(event.path("timestamp").asText())).as("timestamp")
                .isBetween(Instant.now().minus(DEADLINE), Instant.now());
    }

    @Test
    void withoutValidCredentialsIs401AndTheBearerTokenIsAccepted() throws Exception {
        ClientApiHttp.Answer anonymous = http.get("/search?q=mat", null);
        assertThat(anonymous.status()).as("anonymous").isEqualTo(401);
        assertThat(anonymous.contentType()).as("content type").isEqualTo("application/problem+json");
        assertThat(anonymous.json().path("type").asText()).as("problem type")
                .isEqualTo("https://bazaar.dev/problems/unauthorized");
        assertThat(anonymous.json().path("detail").asText()).as("detail").contains("credentials are required");
        assertThat(http.get("/recommendations/Eva", null).status()).as("anonymous recommendations").isEqualTo(401);
        ClientApiHttp.Answer wrong = http.get("/search?q=mat", BasicAuth.header(ClientApiCredentials.USER, "wrong"));
        assertThat(wrong.status()).as("wrong password").isEqualTo(401);
        assertThat(wrong.json().path("detail").asText()).as("detail").isEqualTo("the credentials are not valid");
        assertThat(http.get("/search?q=mat", "Bearer wrong").status()).as("wrong token").isEqualTo(401);
        ClientApiHttp.Answer bearer = http.get("/search?q=mat", ClientApiCredentials.bearer(platform.layout()));
        assertThat(bearer.status()).as("bearer token").isEqualTo(200);
        assertThat(bearer.json().path("user").asText()).as("user of the bearer token").isEqualTo(ClientApiCredentials.USER);
    }

    @Test
    void userOfAnotherRoleIs403AndTheAdminSearchesAsItself() throws Exception {
        // when Prometheus' credential searches, the client's reads the metrics, and the admin searches
        ClientApiHttp.Answer metricsSearches = http.get("/search?q=mat", HttpUser.METRICS.basic(platform.layout()));
        ClientApiHttp.Answer clientScrapes = http.get("/prometheus", basic());
        ClientApiHttp.Answer admin = http.get("/search?q=mat", HttpUser.ADMIN.basic(platform.layout()));

        // then the first two are forbidden as problem JSON; the admin's search is recorded as the admin's
        assertThat(metricsSearches.status()).as("prometheus searching").isEqualTo(403);
        assertThat(clientScrapes.status()).as("client reading the metrics").isEqualTo(403);
        assertThat(clientScrapes.contentType()).as("content type").isEqualTo("application/problem+json");
        assertThat(clientScrapes.json().path("type").asText()).as("problem type")
                .isEqualTo("https://bazaar.dev/problems/forbidden");
        assertThat(admin.status()).as("admin searching; body %s", admin.body()).isEqualTo(200);
        assertThat(admin.json().path("user").asText()).as("user of the admin's search").isEqualTo(HttpUser.ADMIN.name());
    }

    @Test
    void badParametersAre400ProblemJsonNamingTheParameter() throws Exception {
        assertThat(refusedParameter("/search")).as("no q").isEqualTo("q");
        assertThat(refusedParameter("/search?q=%20")).as("blank q").isEqualTo("q");
        assertThat(refusedParameter("/search?q=mat&page=0")).as("page 0").isEqualTo("page");
        assertThat(refusedParameter("/search?q=mat&page=abc")).as("page abc").isEqualTo("page");
        assertThat(refusedParameter("/search?q=mat&user=" + ClientApiHttp.encode("<script>"))).as("user").isEqualTo("user");
        assertThat(refusedParameter("/recommendations/Eva?wait=-1")).as("wait").isEqualTo("wait");
        assertThat(refusedParameter("/recommendations/" + ClientApiHttp.encode("<Eva>").replace("+", "%20")))
                .as("customer").isEqualTo("customer");
    }

    @Test
    void recommendationsAreEnrichedFromTheIndexAndUnknownProductsLeftOut() throws Exception {
        // given the analytics job recommended two indexed products and one the index never held
        records.publishRecommendations(PlatformRecords.recommendations(EVA, YOGA_MAT, "cl-" + TAG + "-never-indexed",
                DUMBBELLS));

        // when Eva's recommendations are asked for
        ClientApiHttp.Answer answer = http.get("/recommendations/" + EVA, basic());

        // then the indexed two are shown best first with names, category and price, the third is left out
        assertThat(answer.status()).as("status; body %s", answer.body()).isEqualTo(200);
        JsonNode products = answer.json().path("recommendations");
        assertThat(products.findValuesAsText("productId")).as("products").containsExactly(YOGA_MAT, DUMBBELLS);
        assertThat(products.get(0).path("rank").asInt()).as("rank of the first").isEqualTo(1);
        assertThat(products.get(1).path("rank").asInt()).as("rank of the second").isEqualTo(2);
        assertThat(products.get(0).path("name").path("ru").asText()).as("name").isEqualTo("Коврик для йоги нескользящий");
        assertThat(products.get(0).path("category").asText()).as("category").isEqualTo("sports");
        assertThat(products.get(0).path("price").path("amount").decimalValue()).as("price").isEqualByComparingTo("1290");
        assertThat(products.get(0).path("reason").asText()).as("reason").isEqualTo("co-purchase");
        assertThat(answer.json().path("generatedAt").asText()).as("generated at").isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void productBlockedAfterTheAnalyticsRunIsNeverShown() throws Exception {
        // given Frank's recommendations of the ball and the kettle, both shown
        records.publishRecommendations(PlatformRecords.recommendations(FRANK, BALL, KETTLE));
        assertThat(recommended(FRANK)).as("before the block").containsExactly(BALL, KETTLE);

        // when ops blocks the ball (stream-filter sends a tombstone, the search sink deletes the document)
        records.block(BALL);

        // then the ball leaves Frank's recommendations and the search, the kettle stays
        await().atMost(INDEXED).until(() -> !recommended(FRANK).contains(BALL));
        assertThat(recommended(FRANK)).as("after the block").containsExactly(KETTLE);
        await().atMost(INDEXED).until(() -> ids(search(BALL_RU, "")).isEmpty());
    }

    @Test
    void tombstoneRemovesACustomer() throws Exception {
        // given Grace has recommendations
        records.publishRecommendations(PlatformRecords.recommendations(GRACE, KETTLE));
        assertThat(recommended(GRACE)).as("Grace before").containsExactly(KETTLE);

        // when the analytics job deletes them with a tombstone
        records.removeRecommendations(GRACE);

        // then Grace has none any more
        await().atMost(DEADLINE).until(() -> http.get("/recommendations/" + GRACE + "?wait=0", basic()).status() == 404);
    }

    @Test
    void unknownCustomerIs404ProblemJsonOnceTheWaitIsOver() throws Exception {
        // when recommendations of a customer nobody published any for are asked for, waiting 1 s
        long began = System.nanoTime();
        ClientApiHttp.Answer answer = http.get("/recommendations/Nobody?wait=1", basic());

        // then the answer is 404 problem JSON naming the customer, after the wait
        assertThat(answer.status()).as("status").isEqualTo(404);
        assertThat(answer.contentType()).as("content type").isEqualTo("application/problem+json");
        assertThat(answer.json().path("detail").asText()).as("detail")
                .contains("no recommendations for customer 'Nobody'");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("time waited").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitingRequestIsAnsweredAsSoonAsTheRecommendationsArrive() throws Exception {
        // given a request for Henry, who has no recommendations yet, waiting (up to the configured 15 s)
        int waitingBefore = store.waiting();
        long began = System.nanoTime();
        CompletableFuture<ClientApiHttp.Answer> request = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get("/recommendations/" + HENRY, basic());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(DEADLINE).until(() -> store.waiting() > waitingBefore);

        // when the analytics job publishes Henry's
        records.publishRecommendations(PlatformRecords.recommendations(HENRY, DUMBBELLS));

        // then the waiting request gets them before its wait is over
        ClientApiHttp.Answer answer = request.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.status()).as("status; body %s", answer.body()).isEqualTo(200);
        assertThat(answer.json().path("recommendations").findValuesAsText("productId")).as("products")
                .containsExactly(DUMBBELLS);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("answered after").isLessThan(CONFIGURED_WAIT);
    }

    @Test
    void healthIncludesKafkaAndElasticsearchForUsersAndMetricsAndOpenApiAreServed() throws Exception {
        ClientApiHttp.Answer anonymous = http.get("/health", null);
        assertThat(anonymous.status()).as("anonymous health; body %s", anonymous.body()).isEqualTo(200);
        assertThat(anonymous.json().properties()).as("anonymous health").extracting(Map.Entry::getKey)
                .containsExactly("status");
        ClientApiHttp.Answer health = http.get("/health", basic());
        assertThat(health.status()).as("health; body %s", health.body()).isEqualTo(200);
        JsonNode details = health.json().path("details");
        assertThat(details.path("kafka").path("status").asText()).as("kafka").isEqualTo("UP");
        assertThat(details.path("kafka").path("details").path("recommendationsLoaded").asBoolean()).as("loaded").isTrue();
        assertThat(details.path("elasticsearch").path("status").asText()).as("elasticsearch").isEqualTo("UP");
        assertThat(details.path("elasticsearch").path("details").path("indexExists").asBoolean()).as("index").isTrue();

        search("гантели", "");
        assertThat(http.get("/prometheus", null).status()).as("anonymous metrics").isEqualTo(401);
        ClientApiHttp.Answer metrics = http.get("/prometheus", HttpUser.METRICS.basic(platform.layout()));
        assertThat(metrics.status()).as("metrics").isEqualTo(200);
        assertThat(metrics.body()).as("metrics body").contains("client_api_searches_total",
                "client_api_recommendations_customers", "jvm_memory_used_bytes");

        assertThat(http.get("/openapi/client-api-1.yml", null).status()).as("anonymous OpenAPI document").isEqualTo(401);
        ClientApiHttp.Answer openApi = http.get("/openapi/client-api-1.yml", basic());
        assertThat(openApi.status()).as("OpenAPI document").isEqualTo(200);
        assertThat(openApi.body()).as("OpenAPI paths").contains("/search", "/recommendations/{customer}");
    }

    @Test
    void cliSearchListsTheMatchesAndExits0Or1() {
        // when the client CLI searches the running service
        Cli found = cli("search", "--query", DUMBBELLS_RU, "--user", "Charlie");
        Cli nothing = cli("search", "--query", "qwxzjvbn");

        // then it lists category → name, id and price with the total, and says when nothing matches
        assertThat(found.exit()).as("exit code; err %s", found.err()).isZero();
        assertThat(found.out()).as("output").contains("Search \"" + DUMBBELLS_RU + "\" by Charlie",
                "sports → Гантели разборные 2×10 кг", DUMBBELLS, "4990.99 RUB", "total: 1 match");
        assertThat(nothing.exit()).as("exit code of no match; err %s", nothing.err()).isEqualTo(1);
        assertThat(nothing.out()).as("output of no match").contains("total: 0 matches");
    }

    @Test
    void cliRecommendListsRankNamesAndReasonOrExits1() throws Exception {
        // given Ivan's recommendations
        records.publishRecommendations(PlatformRecords.recommendations(IVAN, KETTLE, YOGA_MAT));

        // when the CLI shows them, and those of a customer nobody has any for
        Cli found = cli("recommend", "--user-id", IVAN, "--wait", "10");
        Cli nothing = cli("recommend", "--user-id", "Nobody", "--wait", "0");
        Cli bad = cli("search", "--query", "mat", "--user", "<x>");

        // then it lists them ranked with names and reasons; the unknown customer exits 1; a bad user 2
        assertThat(found.exit()).as("exit code; err %s", found.err()).isZero();
        assertThat(found.out()).as("output").contains("Recommendations for " + IVAN,
                "1.  home → Электрический чайник 1,7 л", KETTLE, "2490.50 RUB", "co-purchase",
                "2.  sports → Коврик для йоги нескользящий", "2 products");
        assertThat(nothing.exit()).as("exit code for Nobody").isEqualTo(1);
        assertThat(nothing.out()).as("output for Nobody").contains("no recommendations for customer 'Nobody'");
        assertThat(bad.exit()).as("exit code for a malformed user").isEqualTo(2);
    }

    private JsonNode search(String text, String more) throws Exception {
        ClientApiHttp.Answer answer = http.get("/search?q=" + ClientApiHttp.encode(text) + more, basic());
        assertThat(answer.status()).as("search '%s' status; body %s", text, answer.body()).isEqualTo(200);
        return answer.json();
    }

    private List<String> recommended(String customer) throws Exception {
        ClientApiHttp.Answer answer = http.get("/recommendations/" + customer, basic());
        assertThat(answer.status()).as("recommendations of %s; body %s", customer, answer.body()).isEqualTo(200);
        return answer.json().path("recommendations").findValuesAsText("productId");
    }

    private String refusedParameter(String path) throws Exception {
        ClientApiHttp.Answer answer = http.get(path, basic());
        assertThat(answer.status()).as("status of %s; body %s", path, answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).as("content type of %s", path).isEqualTo("application/problem+json");
        return answer.json().path("invalid-params").get(0).path("name").asText();
    }

    /** {@code name} as this run's customer: other modules publish recommendations for Frank and others too. */
    private static String customer(String name) {
        return name + "-" + TAG;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(product -> ids.add(product.path("id").asText()));
        return ids;
    }

    private String basic() {
        return ClientApiCredentials.basic(platform.layout());
    }

    private record Cli(int exit, String out, String err) {
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", server.getURL().toString(), "--var", platform.layout().root().toString()));
        int exit = ClientCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Cli(exit, out.toString(), err.toString());
    }
}
