package dev.bazaar.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.Topics;
import dev.bazaar.shop.catalog.CatalogGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Search latency as a shopper feels it: p50, p99 and max of client-api's {@code GET /search} over
 * 100,000 indexed items (authentication, the Elasticsearch search, and the wait for Kafka to
 * acknowledge the search's record on client-search), against the same request client-api builds,
 * sent straight to the same Elasticsearch node, in one run. The items are the seeded catalog with
 * distinct products, produced to filtered-items and indexed by the search sink, so the documents
 * and the mapping are those users search; the texts are drawn from the same catalog (name words,
 * brands, tags, 15 % with a typo). One client, one search at a time, so latency holds no queueing:
 * each text is searched both ways back to back, which way first alternating, so both see the same
 * background load and neither always finds the caches warmed by the other. Both ways first search
 * other texts of the catalog, so that neither pays for a cold JIT or cache. Runs on its own platform.
 */
public final class SearchLatencyBenchmark {

    private static final int DEFAULT_ITEMS = 100_000;
    private static final int DEFAULT_SEARCHES = 2_000;
    private static final int WARM_UP_SEARCHES = 500;
    private static final long TEXT_SEED = 20261204L;
    /** Searches are made as this many shoppers, so their records spread over client-search's partitions. */
    private static final int SHOPPERS = 50;
    private static final Duration INDEXING_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);

    private SearchLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ITEMS;
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SEARCHES;
        if (items < 1 || searches < 1) {
            throw new IllegalArgumentException("items and searches must be at least 1, were " + items + " and "
                    + searches);
        }
        BenchPlatform.run(List.of("client-api", "search-sink"), bench -> run(bench, items, searches));
    }

    private static void run(BenchPlatform bench, int items, int searches) throws Exception {
        PlatformEndpoints endpoints = bench.platform().endpoints();
        String elasticsearch = service(endpoints, "elasticsearch");
        String clientApi = service(endpoints, "client-api");
        long began = System.nanoTime();
        Texts texts = index(bench, elasticsearch, items, searches);
        double indexing = seconds(began);
        SearchCalls calls = new SearchCalls(PlatformTls.httpClient(bench.platform().layout()), clientApi,
                ClientApiCredentials.basic(bench.platform().layout()), elasticsearch);
        System.out.printf("warming up both ways with %,d searches each%n", texts.warmUp().size());
        long warming = System.nanoTime();
        measure(calls, texts.warmUp());
        double warmUp = seconds(warming);
        System.out.printf("measuring %,d searches each way, one at a time%n", searches);
        long measuring = System.nanoTime();
        Measured measured = measure(calls, texts.measured());
        print(items, measured);
        System.out.printf(Locale.ROOT, "took: indexing %.0f s, warm-up %.0f s, measuring %.0f s%n", indexing, warmUp,
                seconds(measuring));
    }

    /** The texts to search for, warm-up and measured. */
    private record Texts(List<String> warmUp, List<String> measured) {
    }

    /**
     * Indexes {@code count} distinct products of the seeded catalog through the search sink and waits
     * until a search finds them all; returns texts drawn from them.
     */
    private static Texts index(BenchPlatform bench, String elasticsearch, int count, int searches) throws Exception {
        List<ObjectNode> catalog = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(count);
        CatalogQueries queries = new CatalogQueries(catalog);
        Texts texts = new Texts(queries.draw(WARM_UP_SEARCHES, TEXT_SEED + 1), queries.draw(searches, TEXT_SEED));
        System.out.printf("producing %,d items to %s for the search sink%n", count, Topics.FILTERED_ITEMS);
        SearchSinkFeed.produce(bench, catalog.stream().map(item -> Map.entry(item.path("productId").asText(), item))
                .toList());
        long deadline = System.nanoTime() + INDEXING_TIMEOUT.toNanos();
        long progress = System.nanoTime();
        long found;
        while ((found = SearchSinkFeed.searchable(elasticsearch)) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + found + " of " + count + " items searchable in index "
                        + SearchSinkFeed.INDEX + " after " + INDEXING_TIMEOUT + "; is the search-sink connector running?");
            }
            if (System.nanoTime() - progress > PROGRESS_INTERVAL.toNanos()) {
                System.out.printf("  %,d of %,d items searchable%n", found, count);
                progress = System.nanoTime();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        System.out.printf("%,d items searchable in index %s%n", found, SearchSinkFeed.INDEX);
        return texts;
    }

    /** What the searches of one run took and found, both ways. */
    private record Measured(Latencies clientApi, Latencies direct, long[] totals, int same) {

        /** Searches per second of one client searching one way, the time of the other way left out. */
        static double perSecond(Latencies latencies) {
            return latencies.millis().length / (Arrays.stream(latencies.millis()).sum() / 1e3);
        }
    }

    private static Measured measure(SearchCalls calls, List<String> texts) throws Exception {
        double[] viaClientApi = new double[texts.size()];
        double[] direct = new double[texts.size()];
        long[] totals = new long[texts.size()];
        int same = 0;
        for (int n = 0; n < texts.size(); n++) {
            String text = texts.get(n);
            String user = String.format(Locale.ROOT, "shopper-%02d", n % SHOPPERS);
            SearchCalls.Answer client;
            SearchCalls.Answer straight;
            if (n % 2 == 0) {
                client = calls.viaClientApi(text, user);
                straight = calls.direct(text, user);
            } else {
                straight = calls.direct(text, user);
                client = calls.viaClientApi(text, user);
            }
            viaClientApi[n] = client.millis();
            direct[n] = straight.millis();
            totals[n] = straight.total();
            if (client.total() == straight.total() && client.ids().equals(straight.ids())) {
                same++;
            }
        }
        return new Measured(new Latencies(viaClientApi), new Latencies(direct), totals, same);
    }

    private static void print(int items, Measured measured) {
        int searches = measured.totals().length;
        RunResult direct = result("Elasticsearch _search, client-api's request", measured.direct());
        RunResult client = result("client-api GET /search + client-search ack", measured.clientApi());
        System.out.println();
        System.out.printf("search latency over %,d indexed items, %,d searches (records) each way, one client%n",
                items, searches);
        System.out.println(RunResult.header() + String.format(Locale.ROOT, " %10s", "max ms"));
        System.out.println(direct.row() + String.format(Locale.ROOT, " %10.1f", measured.direct().max()));
        System.out.println(client.row() + String.format(Locale.ROOT, " %10.1f", measured.clientApi().max()));
        System.out.printf(Locale.ROOT, "ratio client-api / direct: p50 %.2fx (+%.1f ms), p99 %.2fx (+%.1f ms)%n",
                client.p50Millis() / direct.p50Millis(), client.p50Millis() - direct.p50Millis(),
                client.p99Millis() / direct.p99Millis(), client.p99Millis() - direct.p99Millis());
        long[] totals = measured.totals().clone();
        Arrays.sort(totals);
        System.out.printf(Locale.ROOT, "answers: the same total and first page both ways for %,d of %,d searches; "
                        + "median %,d matches, %,d searches found nothing%n", measured.same(), searches,
                totals[totals.length / 2], Arrays.stream(totals).filter(total -> total == 0).count());
    }

    private static RunResult result(String name, Latencies latencies) {
        return new RunResult(name, latencies.millis().length, Measured.perSecond(latencies), latencies.percentile(50),
                latencies.percentile(99));
    }

    private static String service(PlatformEndpoints endpoints, String name) {
        return endpoints.serviceUrl(name).orElseThrow(() -> new IllegalStateException(name
                + " is not part of the bench platform; build it first (./bazaar build)"));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
