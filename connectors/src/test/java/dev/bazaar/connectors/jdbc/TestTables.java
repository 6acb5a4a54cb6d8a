package dev.bazaar.connectors.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables as the catalog would describe them, for the tests. */
final class TestTables {

    private TestTables() {
    }

    /** The columns of the contract's {@code product_events} table. */
    static Map<String, TableColumn> productEvents() {
        return columns(
                new TableColumn("event_key", "bytea", true, false, "", false),
                new TableColumn("id", "int8", true, false, "a", false),
                new TableColumn("kind", "text", true, false, "", false),
                new TableColumn("event_name", "text", true, false, "", false),
                new TableColumn("event_datetime", "timestamptz", true, false, "", false),
                new TableColumn("user_id", "text", false, false, "", false),
                new TableColumn("product_id", "text", false, false, "", false),
                new TableColumn("sid", "text", false, false, "", false),
                new TableColumn("received_at", "timestamptz", true, false, "", false),
                new TableColumn("event", "jsonb", true, false, "", false),
                new TableColumn("stored_at", "timestamptz", true, true, "", false));
    }

    static Map<String, TableColumn> columns(TableColumn... columns) {
        Map<String, TableColumn> map = new LinkedHashMap<>();
        List.of(columns).forEach(column -> map.put(column.name(), column));
        return map;
    }
}
