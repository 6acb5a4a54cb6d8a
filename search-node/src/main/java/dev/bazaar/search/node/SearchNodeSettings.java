package dev.bazaar.search.node;

import org.elasticsearch.common.settings.Settings;

/**
 * The Elasticsearch settings of Bazaar's one search node: a lean single-node cluster bound to
 * loopback only, built from a validated {@link SearchNodeConfig}.
 *
 * <p>Beyond paths and ports:
 * <ul>
 *   <li>{@code discovery.type=single-node}: never looks for, nor waits for, other nodes.</li>
 *   <li>{@code node.roles=[master, data, ingest]}: not the ML, transform and remote-client roles
 *       that the default would claim with none of their plugins present.</li>
 *   <li>{@code cluster.routing.allocation.disk.threshold_enabled=false}: without it a nearly full
 *       laptop disk trips the flood-stage watermark (95 %) and Elasticsearch makes every index
 *       read-only, which the sink connector would see as a stream of rejected bulk requests.</li>
 *   <li>{@code action.auto_create_index=false}: the sink connector creates its index explicitly with
 *       its mapping; a write to a misspelt index fails instead of creating a dynamically mapped one.</li>
 * </ul>
 * No {@code xpack.*} or ML settings: those plugins are not on the classpath, and Elasticsearch
 * rejects settings nobody registered.
 */
public final class SearchNodeSettings {

    public static final String CLUSTER_NAME = "bazaar";
    public static final String NODE_NAME = "search-1";
    public static final String HOST = "127.0.0.1";

    private SearchNodeSettings() {
    }

    public static Settings of(SearchNodeConfig config) {
        return Settings.builder()
                .put("cluster.name", CLUSTER_NAME)
                .put("node.name", NODE_NAME)
                .put("path.home", config.home().toString())
                .put("path.data", config.data().toString())
                .put("path.logs", config.logs().toString())
                .put("network.host", HOST)
                .put("http.port", config.httpPort())
                .put("transport.port", config.transportPort())
                .put("discovery.type", "single-node")
                .putList("node.roles", "master", "data", "ingest")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false)
                .build();
    }
}
