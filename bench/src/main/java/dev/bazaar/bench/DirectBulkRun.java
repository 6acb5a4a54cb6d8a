package dev.bazaar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline of the search sink: the same documents bulk-indexed straight into the same
 * Elasticsearch node with elasticsearch-java, same batch size and as many threads as the connector
 * has tasks, into an index with the same mapping. The documents go in as JSON text serialised
 * before the clock starts, the cheapest way elasticsearch-java offers.
 */
final class DirectBulkRun {

    private DirectBulkRun() {
    }

    static RunResult run(String url, String index, String mapping, List<Map.Entry<String, byte[]>> documents,
            int batch, int threads) throws Exception {
        try (Rest5Client rest = Rest5Client.builder(URI.create(url)).build()) {
            Request create = new Request("PUT", "/" + index);
            create.setJsonEntity("{\"mappings\":" + mapping + "}");
            rest.performRequest(create);
            ElasticsearchClient client = new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper()));
            List<List<Map.Entry<String, byte[]>>> batches = new ArrayList<>();
            for (int from = 0; from < documents.size(); from += batch) {
                batches.add(documents.subList(from, Math.min(from + batch, documents.size())));
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long began = System.nanoTime();
            try {
                List<Future<BulkResponse>> responses = new ArrayList<>();
                for (List<Map.Entry<String, byte[]>> slice : batches) {
                    responses.add(pool.submit(() -> client.bulk(request(index, slice))));
                }
                for (Future<BulkResponse> response : responses) {
                    BulkResponse bulk = response.get();
                    if (bulk.errors()) {
                        throw new IllegalStateException("direct bulk indexing failed: " + bulk.items().stream()
                                .filter(item -> item.error() != null).findFirst()
                                .map(item -> item.id() + ": " + item.error().type() + " " + item.error().reason())
                                .orElse("(no item error)"));
                    }
                }
            } finally {
                pool.shutdown();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            return new RunResult("elasticsearch-java bulk, " + threads + " threads", documents.size(),
                    documents.size() / seconds, Double.NaN, Double.NaN);
        }
    }

    private static BulkRequest request(String index, List<Map.Entry<String, byte[]>> slice) {
        BulkRequest.Builder request = new BulkRequest.Builder();
        slice.forEach(document -> request.operations(op -> op.index(
                write -> write.index(index).id(document.getKey()).document(BinaryData.of(document.getValue(), ContentType.APPLICATION_JSON)))));
        return request.build();
    }
}
