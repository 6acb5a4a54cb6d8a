package dev.bazaar.connectors.elasticsearch;

import java.util.List;

/**
 * The two calls the sink task makes to Elasticsearch. The task talks to this interface, not to the
 * Elasticsearch client, so its buffering, retry and offset bookkeeping can be tested with canned
 * answers; {@link ElasticsearchBulkClient} is the real one.
 */
interface BulkClient extends AutoCloseable {

    /**
     * Sends {@code actions} as one bulk request.
     *
     * @return one result per action, in the order of {@code actions}
     * @throws BulkRequestException when the request as a whole failed
     */
    List<ItemResult> bulk(List<DocumentAction> actions) throws BulkRequestException;

    /**
     * Creates {@code index} with {@code mappingJson} unless it exists already.
     *
     * @return whether this call created it
     */
    boolean createIndexIfMissing(String index, String mappingJson) throws BulkRequestException;

    /** Releases connections; never throws. */
    @Override
    void close();
}
