package dev.bazaar.client.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetError;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.RetryConfig;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog as the search sink indexed it in Elasticsearch: searches, look-ups by product id
 * (real time, so a product deleted from the index is gone at once) and the node's health. Every
 * failure is a {@link CatalogUnavailableException} naming the node; the client does not retry by
 * itself, so a request's latency stays within the configured timeout.
 */
public final class CatalogIndex implements ProductCatalog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndex.class);
    private static final String INDEX_NOT_FOUND = "index_not_found_exception";

    private final Rest5Client rest;
    private final ElasticsearchClient client;
    private final String url;
    private final String index;

    CatalogIndex(Rest5Client rest, String url, String index) {
        this.rest = rest;
        this.url = url;
        this.index = index;
        this.client = new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper(new ObjectMapper()),
                null, NoopInstrumentation.INSTANCE)).withTransportOptions(options -> options.retryConfig(RetryConfig.disabled()));
    }

    /** The index {@code index} on the node at {@code url}, each request bounded by {@code timeout}. */
    public static CatalogIndex connect(String url, String index, Duration timeout) {
        return connect(url, index, timeout, Optional.empty(), null);
    }

    /**
     * The same, signed in with {@code authorization} (an HTTP {@code Authorization} value) when present, and
     * trusting {@code tls}'s CA when the URL is {@code https}.
     */
    public static CatalogIndex connect(String url, String index, Duration timeout, Optional<String> authorization,
            SSLContext tls) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        Rest5ClientBuilder builder = Rest5Client.builder(URI.create(url))
                .setConnectionConfigCallback(connection -> connection.setConnectTimeout(limit))
                .setRequestConfigCallback(request -> request.setResponseTimeout(limit));
        authorization.ifPresent(value -> builder.setDefaultHeaders(
                new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, value)}));
        if (url.startsWith("https:") && tls != null) {
            builder.setSSLContext(tls);
        }
        log.info("Catalog: index {} of Elasticsearch at {}{} (requests time out after {} ms)", index, url,
                authorization.isPresent() ? ", signed in" : "", timeout.toMillis());
        return new CatalogIndex(builder.build(), url, index);
    }

    public String index() {
        return index;
    }

    /** Runs {@code request}; a missing index is an empty result (the sink creates it at its start). */
    public SearchHits search(SearchRequest request) {
        return Products.from(call("search", () -> client.search(request, JsonNode.class)).hits());
    }

    /** Looks the products up by id, in real time (no refresh needed): a deleted product is gone at once. */
    @Override
    public Map<String, Product> products(Collection<String> ids) {
        Map<String, Product> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        MgetResponse<JsonNode> response;
        try {
            response = call("look-up", () -> client.mget(get -> get.index(index).ids(List.copyOf(ids))
                    .sourceIncludes(Products.SOURCE_FIELDS), JsonNode.class));
        } catch (CatalogUnavailableException e) {
            if (indexMissing(e.getCause())) {
                return found;
            }
            throw e;
        }
        for (MultiGetResponseItem<JsonNode> item : response.docs()) {
            if (item.isResult()) {
                GetResult<JsonNode> result = item.result();
                if (result.found() && result.source() != null) {
                    found.put(result.id(), Products.from(result.id(), result.source()));
                }
            } else {
                failed(item.failure());
            }
        }
        return found;
    }

    /** The node's cluster health ({@code green}, {@code yellow}, {@code red}) and whether the index exists. */
    public Health health() {
        HealthStatus status = call("health check", () -> client.cluster().health()).status();
        boolean exists = call("index check", () -> client.indices().exists(e -> e.index(index)).value());
        return new Health(status.jsonValue().toLowerCase(Locale.ROOT), exists);
    }

    /** What the health check found. */
    public record Health(String status, boolean indexExists) {

        public boolean up() {
            return !"red".equals(status);
        }
    }

    private void failed(MultiGetError failure) {
        if (INDEX_NOT_FOUND.equals(failure.error().type())) {
            return;
        }
        throw new CatalogUnavailableException("Elasticsearch at " + url + " could not look up product '" + failure.id()
                + "': " + failure.error().type() + ": " + failure.error().reason(), null);
    }

    private static boolean indexMissing(Throwable cause) {
        return cause instanceof ElasticsearchException e && e.status() == 404
                && INDEX_NOT_FOUND.equals(e.error().type());
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            throw new CatalogUnavailableException("Elasticsearch at " + url + " refused the " + what + " with HTTP "
                    + e.status() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new CatalogUnavailableException("Elasticsearch at " + url + " did not answer the " + what + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            log.warn("Could not close the Elasticsearch client of {} cleanly", url, e);
        }
    }
}
