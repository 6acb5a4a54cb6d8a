package dev.bazaar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Topics;
import dev.bazaar.setup.ConnectRest;
import dev.bazaar.shop.catalog.CatalogGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Documents per second through the search sink (filtered-items → Connect → our connector →
 * Elasticsearch) against bulk indexing the same documents straight into the same node with
 * elasticsearch-java, in one run (goal: the connector at least 80 %). The connector is paused while
 * its input is filled, so its run measures indexing, not producing; the direct run has the
 * connector's tasks as threads and its batch size. Both paths index a fifth as many documents
 * first, so that neither run pays for warming up a JVM. Runs on its own platform.
 */
public final class SearchSinkBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR = SearchSinkFeed.CONNECTOR;

    private SearchSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchPlatform.run(List.of("search-sink", "registry"), bench -> run(bench, documents));
    }

    private static void run(BenchPlatform bench, int count) throws Exception {
        ConnectRest connect = bench.platform().connect().rest();
        String elasticsearch = bench.platform().endpoints().serviceUrl("elasticsearch").orElseThrow();
        // the direct run uses the connector's own parallelism and batch size, as configured in setup/connectors/
        JsonNode config = JSON.readTree(BenchHttp.send(connect, "GET", "/connectors/" + CONNECTOR + "/config"));
        int tasks = config.path("tasks.max").asInt(1);
        int batch = config.path("batch.size").asInt(500);

        // both paths warmed up first (Elasticsearch's, Connect's and this JVM's JIT), so neither pays for it
        int warmUp = Math.max(1, count / 5);
        System.out.printf("warming up both paths with %,d documents each%n", warmUp);
        List<Map.Entry<String, JsonNode>> warmUpDocuments = documents("warm", warmUp);
        throughConnector(bench, connect, elasticsearch, warmUpDocuments);
        DirectBulkRun.run(elasticsearch, "bench-warm-up", mapping(), serialized(warmUpDocuments), batch, tasks);

        List<Map.Entry<String, JsonNode>> documents = documents("bench", count);
        double seconds = throughConnector(bench, connect, elasticsearch, documents);
        RunResult connector = new RunResult("search-sink connector, " + tasks + " tasks", count, count / seconds,
                Double.NaN, Double.NaN);
        System.out.println(connector.row());
        RunResult direct = DirectBulkRun.run(elasticsearch, "bench-direct", mapping(), serialized(documents), batch,
                tasks);

        System.out.println();
        System.out.println(RunResult.header());
        System.out.println(direct.row());
        System.out.println(connector.row());
        System.out.printf(Locale.ROOT, "ratio: the connector indexes %.0f %% of the direct bulk rate (goal >= 80 %%)%n",
                100.0 * connector.perSecond() / direct.perSecond());
    }

    /**
     * Fills filtered-items with the connector paused, resumes it and waits until all are indexed;
     * returns the seconds from resume to the last document, then pauses the connector again.
     */
    private static double throughConnector(BenchPlatform bench, ConnectRest connect, String elasticsearch,
            List<Map.Entry<String, JsonNode>> documents) throws Exception {
        BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/pause");
        System.out.printf("filling %s with %,d items (connector paused)%n", Topics.FILTERED_ITEMS, documents.size());
        SearchSinkFeed.produce(bench, documents);
        long before = SearchSinkFeed.indexed(elasticsearch);
        long began = System.nanoTime();
        BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/resume");
        while (SearchSinkFeed.indexed(elasticsearch) - before < documents.size()) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/pause");
        return seconds;
    }

    /** The catalog's items, cycled with distinct product ids, as documents keyed by product id. */
    private static List<Map.Entry<String, JsonNode>> documents(String prefix, int count) {
        List<ObjectNode> catalog = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(CatalogGenerator.DEFAULT_SIZE);
        List<Map.Entry<String, JsonNode>> documents = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String id = String.format("%s-%07d", prefix, n);
            documents.add(new AbstractMap.SimpleImmutableEntry<>(id, catalog.get(n % catalog.size()).deepCopy()
                    .put("productId", id)));
        }
        return documents;
    }

    private static List<Map.Entry<String, byte[]>> serialized(List<Map.Entry<String, JsonNode>> documents)
            throws IOException {
        List<Map.Entry<String, byte[]>> serialized = new ArrayList<>(documents.size());
        for (Map.Entry<String, JsonNode> document : documents) {
            serialized.add(new AbstractMap.SimpleImmutableEntry<>(document.getKey(),
                    JSON.writeValueAsBytes(document.getValue())));
        }
        return serialized;
    }

    private static String mapping() throws IOException {
        try (InputStream in = SearchSinkBenchmark.class.getResourceAsStream(
                "/dev/bazaar/connectors/elasticsearch/items-mapping.json")) {
            if (in == null) {
                throw new IllegalStateException("items-mapping.json is not on the classpath (bazaar-connectors)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
