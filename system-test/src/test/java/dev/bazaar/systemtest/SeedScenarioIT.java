package dev.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed scenario end to end on the whole platform as {@code bazaar up} starts it, driven through
 * the user commands the README shows: the catalog and the orders of twenty customers generated
 * through shop-api, the product most of them bought blocked with {@code bazaar filter block}, the
 * analytics job run once; then a search for that product's name finds other products but never it,
 * and the customers who never bought it are recommended other products but never it, both as
 * client-api serves them and as the job published them. (Unblocked, the most bought product ranks
 * first on every such customer's list: measured once with the same data sizes.)
 *
 * <p>The platform may be the build's one, holding what the other modules' tests left: their items in the
 * catalog topics and the search index, their orders in HDFS, records on every topic. So the customers'
 * names carry this run's own prefix, the catalog is the items this run generated, and every check is
 * about those, never about a whole topic or index.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedScenarioIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** This run's prefix of customers' names, which key the orders and the recommendations. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Enough customers that even the most bought product has some who never bought it. */
    private static final List<String> CUSTOMERS = IntStream.rangeClosed(1, 20)
            .mapToObj(n -> String.format(Locale.ROOT, "seed-%s-%02d", RUN, n)).toList();
    /** About 75 orders a customer: every customer gets personal (co-purchase) recommendations. */
    private static final int ORDERS = 1500;
    /** How many of the customers who never bought the blocked product ask the client CLI for recommendations. */
    private static final int CUSTOMERS_ASKING = 4;

    /** One user command's JVM on a loaded two-core machine. */
    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(2);
    /** The catalog through stream-filter and the search sink into Elasticsearch. */
    private static final Duration INDEXED = Duration.ofMinutes(3);
    /** The block through stream-filter (a committed tombstone) and the search sink's delete. */
    private static final Duration BLOCK_APPLIED = Duration.ofMinutes(2);
    /** The sink rotates every 15 s as deployed, then commits. */
    private static final Duration ORDERS_COMMITTED = Duration.ofMinutes(3);
    /** A scheduled run that may have read the catalog before the block. */
    private static final Duration SCHEDULED_RUN_OVER = Duration.ofMinutes(10);
    /** Spark's start and a few small jobs, sharing the machine with the whole platform. */
    private static final Duration ANALYTICS_DEADLINE = Duration.ofMinutes(10);
    /** client-api's consumer of the recommendations topic. */
    private static final Duration SERVED = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofSeconds(2);

    private static final Pattern CATALOG_READ = Pattern.compile(
            "catalog: ([\\d,]+) products in filtered-items \\(([\\d,]+) records, ([\\d,]+) tombstones");
    private static final Pattern DONE = Pattern.compile("done in [\\d.]+ s: ([\\d,]+) orders read, ([\\d,]+) customers");

    /** Trusts the platform CA: client-api and the analytics scheduler serve HTTPS; Elasticsearch is plain HTTP on loopback. */
    private HttpClient http;
    private Running platform;
    private Path logs;
    private String blocked;
    private String blockedName;
    private List<String> neverBoughtIt;
    /** The products of the catalog this run generated. */
    private Set<String> seedCatalog;
    private long matchesBeforeTheBlock;
    private PackagedCommand.Result analytics;

    @BeforeAll
    void givenTheSeedDataAndAPopularProductBlockedWhenTheAnalyticsJobRunsOnce(Running platform) throws Exception {
        this.platform = platform;
        this.http = PlatformTls.httpClient(platform.layout());
        this.logs = Path.of(System.getProperty("bazaar.it.var", "target/it-var")).toAbsolutePath()
                .resolveSibling("seed-scenario");
        long began = System.nanoTime();
        List<TopicSnapshot.Entry> orders = givenTheCatalogAndOrdersGeneratedThroughShopApi();
        long seeded = System.nanoTime();
        whenTheProductMostOfThemBoughtIsBlocked(orders);
        long blockedAt = System.nanoTime();
        andTheAnalyticsJobRunsOnce();
        System.out.printf(Locale.ROOT, "seed scenario: %s (%s) blocked, never bought by %s; seeded and indexed in "
                        + "%.1f s, block applied and orders in HDFS in %.1f s, analytics run and served in %.1f s%n",
                blocked, blockedName, neverBoughtIt, seconds(began, seeded), seconds(seeded, blockedAt),
                seconds(blockedAt, System.nanoTime()));
    }

    /** The orders of the customers, as they are on the orders topic. */
    private List<TopicSnapshot.Entry> givenTheCatalogAndOrdersGeneratedThroughShopApi() throws Exception {
        // given the shipped catalog and the orders of twenty customers, generated through shop-api
        Map<Integer, Long> itemsBefore = TopicSnapshot.ends(platform, Topics.ITEMS);
        succeeds(command(PackagedCommand.SHOP, "generate", "items"), "items: sent");
        succeeds(command(PackagedCommand.SHOP, "generate", "orders", "--count", Integer.toString(ORDERS),
                "--customers", String.join(",", CUSTOMERS)), "orders: sent " + ORDERS + ", acknowledged " + ORDERS);
        List<TopicSnapshot.Entry> orders = TopicSnapshot.read(platform, Topics.ORDERS).entries().stream()
                .filter(order -> CUSTOMERS.contains(order.value().path("customer").asText())).toList();
        assertThat(orders).as("the generated orders on %s", Topics.ORDERS).hasSize(ORDERS);
        TopicSnapshot items = TopicSnapshot.read(platform, Topics.ITEMS);
        // and the product most of them bought, among those some never bought
        choosePopularProduct(orders, items);
        // and the whole catalog in the search index, where a search for that product's name finds it
        seedCatalog = items.since(itemsBefore).stream().map(TopicSnapshot.Entry::key)
                .collect(Collectors.toCollection(TreeSet::new));
        await("all " + seedCatalog.size() + " products of the catalog in the search index").atMost(INDEXED)
                .pollInterval(POLL).until(() -> indexed(seedCatalog), indexed -> indexed == seedCatalog.size());
        SearchPage found = search(blockedName);
        assertThat(found.ids()).as("page 1 of a search for '%s' before the block", blockedName).contains(blocked);
        matchesBeforeTheBlock = found.total();
        return orders;
    }

    private void whenTheProductMostOfThemBoughtIsBlocked(List<TopicSnapshot.Entry> orders) throws Exception {
        // when it is blocked with the filter's CLI
        succeeds(command(PackagedCommand.FILTER, "block", blocked, "--reason", "seed scenario"), "blocked " + blocked);
        // and the block reached the catalog analytics reads (a committed tombstone) and the search index
        await("a tombstone of " + blocked + " on " + Topics.FILTERED_ITEMS).atMost(BLOCK_APPLIED).pollInterval(POLL)
                .until(() -> TopicSnapshot.read(platform, Topics.FILTERED_ITEMS).latest(blocked)
                        .map(entry -> entry.value() == null).orElse(false));
        await(blocked + " gone from the search index").atMost(BLOCK_APPLIED).pollInterval(POLL)
                .until(() -> indexed(List.of(blocked)), indexed -> indexed == 0);
        assertThat(indexed(seedCatalog)).as("products of the catalog in the search index after the block")
                .isEqualTo(seedCatalog.size() - 1);
        // and every order is in a committed file in HDFS
        CommittedOrderFiles files = CommittedOrderFiles.of(platform);
        await("every order in a committed file of HDFS").atMost(ORDERS_COMMITTED).pollInterval(POLL)
                .until(() -> files.missing(orders), List::isEmpty);
    }

    private void andTheAnalyticsJobRunsOnce() throws Exception {
        // and no scheduled run that may have read the catalog before the block is still going to publish
        awaitNoScheduledRun();
        // and the analytics job runs once
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        analytics = command(PackagedCommand.ANALYTICS, ANALYTICS_DEADLINE, "run");
        assertThat(analytics.exitCode()).as("%s", analytics).isZero();
        // and client-api serves what it published
        await("client-api serving the run's recommendations").atMost(SERVED).pollInterval(POLL)
                .until(() -> neverBoughtIt.stream().allMatch(customer -> generatedAt(customer)
                        .map(at -> !at.isBefore(started)).orElse(false)));
    }

    @Test
    @Order(1)
    void theJobReadEveryOrderAndACatalogWithoutTheBlockedProduct() {
        // then
        Matcher catalog = CATALOG_READ.matcher(analytics.out());
        assertThat(catalog.find()).as("the catalog line in %s", analytics).isTrue();
        assertThat(number(catalog.group(1)))
                .as("products in the job's catalog: the generated ones but the blocked one, and other tests' products")
                .isGreaterThanOrEqualTo(seedCatalog.size() - 1);
        assertThat(number(catalog.group(3)))
                .as("tombstones in %s: the blocked product's, and other tests' blocked products'", Topics.FILTERED_ITEMS)
                .isGreaterThanOrEqualTo(1);
        Matcher done = DONE.matcher(analytics.out());
        assertThat(done.find()).as("the summary line in %s", analytics).isTrue();
        assertThat(number(done.group(1))).as("orders read").isGreaterThanOrEqualTo(ORDERS);
        assertThat(number(done.group(2))).as("customers").isGreaterThanOrEqualTo(CUSTOMERS.size());
    }

    @Test
    @Order(2)
    void aSearchForTheBlockedProductsNameFindsOtherProductsButNeverIt() throws Exception {
        // when
        PackagedCommand.Result search = command(PackagedCommand.CLIENT, "search", "--query", blockedName, "--lang", "en");

        // then
        assertThat(search.exitCode()).as("exit code (0: found) of %s", search).isZero();
        assertThat(rows(search.out()).stream().map(row -> row[1]).toList()).as("products found by %s", search.command())
                .isNotEmpty().doesNotContain(blocked);
        long total = matchesBeforeTheBlock - 1;
        assertThat(search.out()).as("the total, one less than before the block")
                .contains(String.format(Locale.ROOT, "total: %d match%s", total, total == 1 ? "" : "es"));
    }

    @Test
    @Order(3)
    void customersWhoNeverBoughtItAreRecommendedOtherProductsButNeverIt() throws Exception {
        for (String customer : neverBoughtIt.subList(0, Math.min(CUSTOMERS_ASKING, neverBoughtIt.size()))) {
            // when
            PackagedCommand.Result recommend = command(PackagedCommand.CLIENT, "recommend", "--user-id", customer,
                    "--lang", "en");

            // then
            assertThat(recommend.exitCode()).as("exit code (0: found) of %s", recommend).isZero();
            assertThat(rows(recommend.out()).stream().map(row -> row[2]).toList())
                    .as("products recommended to %s by %s", customer, recommend.command())
                    .isNotEmpty().doesNotContain(blocked);
        }
    }

    @Test
    @Order(4)
    void theJobItselfLeftItOutOfEveryList() {
        // given client-api would drop a product missing from the index anyway: read what the job published
        Map<String, JsonNode> lists = new HashMap<>();
        TopicSnapshot.read(platform, Topics.RECOMMENDATIONS).entries().stream()
                .filter(entry -> CUSTOMERS.contains(entry.key())).forEach(entry -> lists.put(entry.key(), entry.value()));

        // then
        assertThat(lists).as("the latest list of every customer on %s", Topics.RECOMMENDATIONS)
                .containsOnlyKeys(CUSTOMERS);
        lists.forEach((customer, list) -> {
            List<String> products = new ArrayList<>();
            list.path("recommendations").forEach(item -> products.add(item.path("productId").asText()));
            assertThat(products).as("products on %s's list", customer).isNotEmpty().doesNotContain(blocked);
        });
    }

    /** Picks the product with the most buyers among the customers (then the most lines) that some never bought. */
    private void choosePopularProduct(List<TopicSnapshot.Entry> orders, TopicSnapshot items) {
        Map<String, Set<String>> buyers = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (TopicSnapshot.Entry order : orders) {
            for (JsonNode line : order.value().path("items")) {
                String product = line.path("productId").asText();
                buyers.computeIfAbsent(product, key -> new TreeSet<>()).add(order.value().path("customer").asText());
                lines.merge(product, 1, Integer::sum);
            }
        }
        blocked = buyers.keySet().stream().filter(product -> buyers.get(product).size() < CUSTOMERS.size())
                .max(Comparator.<String>comparingInt(product -> buyers.get(product).size())
                        .thenComparing(lines::get).thenComparing(Comparator.reverseOrder()))
                .orElseThrow(() -> new AssertionError("every ordered product was bought by every customer"));
        neverBoughtIt = CUSTOMERS.stream().filter(customer -> !buyers.get(blocked).contains(customer)).toList();
        blockedName = items.latest(blocked).orElseThrow().value().path("name").path("en").asText();
    }

    /** No analytics run of the scheduler is going: a later run reads the catalog after the block. */
    private void awaitNoScheduledRun() {
        Optional<String> scheduler = platform.platform().endpoints().serviceUrl("analytics");
        if (scheduler.isEmpty()) {
            return;
        }
        await("no scheduled analytics run going").atMost(SCHEDULED_RUN_OVER).pollInterval(POLL)
                .until(() -> !schedulerStatus(scheduler.get()).path("running").asBoolean(true));
    }

    /** One page of client-api's answer to a search, as a storefront gets it. */
    private record SearchPage(int status, List<String> ids, long total) {
    }

    private SearchPage search(String text) throws IOException, InterruptedException {
        HttpResponse<String> response = send(clientApi() + "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            return new SearchPage(response.statusCode(), List.of(), -1);
        }
        JsonNode page = JSON.readTree(response.body());
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(product -> ids.add(product.path("id").asText()));
        return new SearchPage(200, ids, page.path("total").asLong());
    }

    /** How many of the products {@code ids} the search index holds (what a search can find); -1 before the index exists. */
    private long indexed(Collection<String> ids) throws IOException, InterruptedException {
        String elasticsearch = platform.platform().endpoints().serviceUrl("elasticsearch").orElseThrow();
        ObjectNode query = JSON.createObjectNode();
        ArrayNode values = query.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/"
                + catalogIndex() + "/_count")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("count").asLong() : -1;
    }

    /** The index the deployed search sink writes filtered-items into ({@code setup/connectors/search-sink.json}). */
    private static String catalogIndex() throws IOException {
        String map = Checkout.connectorConfig("search-sink").path("topic.index.map").asText();
        return Arrays.stream(map.split(",")).map(String::strip)
                .filter(entry -> entry.startsWith(Topics.FILTERED_ITEMS + ":")).findFirst()
                .map(entry -> entry.substring(Topics.FILTERED_ITEMS.length() + 1))
                .orElseThrow(() -> new IllegalStateException("search-sink.json maps no index for " + Topics.FILTERED_ITEMS));
    }

    /** When the recommendations client-api serves for {@code customer} were generated; empty while it has none. */
    private Optional<Instant> generatedAt(String customer) {
        try {
            HttpResponse<String> response = send(clientApi() + "/recommendations/" + customer + "?wait=0");
            return response.statusCode() != 200 ? Optional.empty()
                    : Optional.of(Instant.parse(JSON.readTree(response.body()).path("generatedAt").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String clientApi() {
        return platform.platform().endpoints().serviceUrl("client-api").orElseThrow();
    }

    private HttpResponse<String> send(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", ClientApiCredentials.basic(platform.layout())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode schedulerStatus(String scheduler) throws IOException, InterruptedException {
        String url = scheduler + "/health";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", HttpUser.OPS.basic(platform.layout())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private PackagedCommand.Result command(PackagedCommand command, String... args)
            throws IOException, InterruptedException {
        return command(command, COMMAND_DEADLINE, args);
    }

    private PackagedCommand.Result command(PackagedCommand command, Duration deadline, String... args)
            throws IOException, InterruptedException {
        return command.run(platform.layout(), logs, deadline, args);
    }

    private static void succeeds(PackagedCommand.Result result, String expected) {
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).as("output of %s", result.command()).contains(expected);
    }

    /** The table rows the client CLI prints, indented, columns two or more blanks apart. */
    private static List<String[]> rows(String output) {
        return output.lines().filter(line -> line.startsWith("  ")).map(line -> line.strip().split(" {2,}")).toList();
    }

    private static long number(String formatted) {
        return Long.parseLong(formatted.replace(",", ""));
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
