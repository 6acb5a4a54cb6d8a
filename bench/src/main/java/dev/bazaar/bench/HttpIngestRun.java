package dev.bazaar.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-JVM HTTP load generator: {@code concurrency} clients post pre-built request bodies of
 * {@code batch} items each until {@code records} items are acknowledged (202).
 */
final class HttpIngestRun {

    private HttpIngestRun() {
    }

    /** Posts {@code records} items to {@code items} through {@code http} (which trusts shop-api's certificate). */
    static RunResult run(HttpClient http, URI items, String authorization, List<String> bodies, int batch, int records,
            int concurrency) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        int requests = records / batch;
        long began = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        post(http, items, authorization, bodies.get(n % bodies.size()));
                        latencies.add((System.nanoTime() - sent) / 1e6);
                        acknowledged.addAndGet(batch);
                    }
                    return null;
                }));
            }
            for (Future<Object> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Latencies l = new Latencies(latencies.stream().mapToDouble(Double::doubleValue).toArray());
        return new RunResult("shop-api HTTP, batches of " + batch + ", " + concurrency + " clients", acknowledged.get(),
                acknowledged.get() / seconds, l.percentile(50), l.percentile(99));
    }

    private static void post(HttpClient http, URI items, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(items).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("shop-api answered " + response.statusCode() + ": " + response.body());
        }
    }
}
