package dev.bazaar.connectors.jdbc;

import java.util.HashMap;
import java.util.Map;

/** Configurations for the tests: the product-events sink's mapping, as setup/connectors ships it. */
final class JdbcTestConfigs {

    /** The column mapping of {@code setup/connectors/product-events-sink.json}. */
    static final String PRODUCT_EVENTS_COLUMNS = "event_key=$key, kind=$header.event-kind, event_name=event_name, "
            + "event_datetime=event_datetime, user_id=userId|client_id, product_id=content_id|product_id, sid=sid, "
            + "received_at=$timestamp, event=$value";

    private JdbcTestConfigs() {
    }

    /** The smallest valid configuration plus {@code overrides} (key, value, key, value...). */
    static Map<String, String> config(String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(JdbcSinkConfig.CONNECTION_URL, "jdbc:postgresql://127.0.0.1:5432/bazaar?sslmode=verify-full");
        props.put(JdbcSinkConfig.CONNECTION_USER, "connect");
        props.put(JdbcSinkConfig.TABLE, "product_events");
        props.put(JdbcSinkConfig.COLUMNS, PRODUCT_EVENTS_COLUMNS);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        return props;
    }
}
