package dev.bazaar.connectors.elasticsearch;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.RetryConfig;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BulkClient} over the Elasticsearch Java client (Jackson mapper, rest5 transport),
 * turning its exceptions into retriable or fatal {@link BulkRequestException}s. The client's own
 * retries are switched off: {@link BulkWriter} retries, with the configured backoff, and knows
 * which items of a bulk request to send again.
 */
final class ElasticsearchBulkClient implements BulkClient {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchBulkClient.class);

    private final Rest5Client restClient;
    private final ElasticsearchClient client;

    ElasticsearchBulkClient(Rest5Client restClient, ObjectMapper mapper) {
        this.restClient = restClient;
        this.client = new ElasticsearchClient(new Rest5ClientTransport(restClient, new JacksonJsonpMapper(mapper),
                null, NoopInstrumentation.INSTANCE))
                .withTransportOptions(options -> options.retryConfig(RetryConfig.disabled()));
    }

    /** A client for the nodes, credentials and trust store {@code config} names. */
    static ElasticsearchBulkClient create(ElasticsearchSinkConfig config) {
        return new ElasticsearchBulkClient(RestClients.build(config), new ObjectMapper());
    }

    @Override
    public List<ItemResult> bulk(List<DocumentAction> actions) throws BulkRequestException {
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (DocumentAction action : actions) {
            switch (action) {
                case DocumentAction.Index index -> request.operations(op -> op.index(
                        write -> write.index(index.index()).id(index.id()).document(source(index.document()))));
                case DocumentAction.Delete delete -> request.operations(op -> op.delete(
                        write -> write.index(delete.index()).id(delete.id())));
            }
        }
        BulkResponse response = call("bulk request", () -> client.bulk(request.build()));
        log.debug("Bulk request of {} actions took {} ms, errors: {}", actions.size(), response.took(),
                response.errors());
        return response.items().stream().map(ElasticsearchBulkClient::result).toList();
    }

    /** The source as it is: a {@link BinaryData} document goes into the bulk body without serialisation. */
    private static BinaryData source(JsonSource document) {
        return BinaryData.of(document.bytes(), ContentType.APPLICATION_JSON);
    }

    /**
     * Sends the mapping as it is written, through the low-level client: the typed request would
     * round-trip it through the client's model, which may rewrite or drop what it does not know.
     */
    @Override
    public boolean createIndexIfMissing(String index, String mappingJson) throws BulkRequestException {
        if (call("index exists check", () -> client.indices().exists(exists -> exists.index(index)).value())) {
            return false;
        }
        Request create = new Request("PUT", "/" + URLEncoder.encode(index, StandardCharsets.UTF_8));
        create.setJsonEntity("{\"mappings\":" + mappingJson + "}");
        try {
            restClient.performRequest(create);
            return true;
        } catch (ResponseException e) {
            if (body(e).contains("resource_already_exists_exception")) {
                log.info("Index {} was created meanwhile by another task", index);
                return false;
            }
            int status = e.getResponse().getStatusCode();
            throw new BulkRequestException("index creation failed with HTTP " + status + ": " + body(e),
                    BulkRequestException.retriableStatus(status), e);
        } catch (IOException e) {
            throw new BulkRequestException("index creation failed: " + e, true, e);
        }
    }

    @Override
    public void close() {
        try {
            restClient.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not close the Elasticsearch client cleanly", e);
        }
    }

    private static String body(ResponseException e) {
        try {
            return e.getResponse().getEntity() == null ? "" : EntityUtils.toString(e.getResponse().getEntity());
        } catch (IOException | ParseException unreadable) {
            log.debug("Cannot read the error response body", unreadable);
            return "";
        }
    }

    private static ItemResult result(BulkResponseItem item) {
        ErrorCause error = item.error();
        return error == null ? ItemResult.success(item.status())
                : ItemResult.failure(item.status(), error.type(), error.reason());
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(String what, Call<T> call) throws BulkRequestException {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            throw new BulkRequestException(what + " refused with HTTP " + e.status() + ": " + e.getMessage(),
                    BulkRequestException.retriableStatus(e.status()), e);
        } catch (TransportException e) {
            throw new BulkRequestException(what + " failed with HTTP " + e.statusCode() + ": " + e.getMessage(),
                    BulkRequestException.retriableStatus(e.statusCode()), e);
        } catch (IOException e) {
            throw new BulkRequestException(what + " failed: " + e, true, e);
        }
    }
}
