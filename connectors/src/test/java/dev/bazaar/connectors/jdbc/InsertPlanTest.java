package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The mapping against the table's actual columns: everything wrong fails at start, naming the column. */
class InsertPlanTest {

    private static final TableName TABLE = TableName.parse("product_events");

    @Test
    void theProductEventsMappingFitsTheTableAndInsertsWithOnConflictDoNothing() {
        // when
        InsertPlan plan = InsertPlan.of(TABLE, mappings(JdbcTestConfigs.PRODUCT_EVENTS_COLUMNS), TestTables.productEvents());

        // then
        assertThat(plan.columns()).extracting(InsertPlan.BoundColumn::type).as("types").containsExactly(
                ColumnType.BYTEA, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TIMESTAMPTZ, ColumnType.TEXT,
                ColumnType.TEXT, ColumnType.TEXT, ColumnType.TIMESTAMPTZ, ColumnType.JSONB);
        assertThat(plan.sql()).as("statement").isEqualTo("INSERT INTO \"product_events\" (\"event_key\", \"kind\", "
                + "\"event_name\", \"event_datetime\", \"user_id\", \"product_id\", \"sid\", \"received_at\", \"event\") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    }

    @Test
    void aColumnTheTableDoesNotHaveIsNamed() {
        assertThatThrownBy(() -> InsertPlan.of(TABLE, mappings(JdbcTestConfigs.PRODUCT_EVENTS_COLUMNS
                + ", event_nme=event_name"), TestTables.productEvents()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(JdbcSinkConfig.COLUMNS)
                .hasMessageContaining("has no column event_nme");
    }

    @Test
    void columnsTheDatabaseFillsInOrCannotTakeAreRefused() {
        Map<String, TableColumn> table = TestTables.columns(
                new TableColumn("id", "int8", true, false, "a", false),
                new TableColumn("total", "numeric", false, false, "", true),
                new TableColumn("during", "tstzrange", false, false, "", false));

        assertThatThrownBy(() -> InsertPlan.of(TABLE, mappings("id=id"), table)).hasMessageContaining(JdbcSinkConfig.COLUMNS)
                .hasMessageContaining("column id").hasMessageContaining("GENERATED ALWAYS AS IDENTITY");
        assertThatThrownBy(() -> InsertPlan.of(TABLE, mappings("total=total"), table))
                .hasMessageContaining("column total").hasMessageContaining("generated column");
        assertThatThrownBy(() -> InsertPlan.of(TABLE, mappings("during=during"), table))
                .hasMessageContaining("column during").hasMessageContaining("tstzrange");
    }

    @Test
    void aNotNullColumnWithoutADefaultMustBeMapped() {
        // given the mapping without kind and event
        String withoutKind = JdbcTestConfigs.PRODUCT_EVENTS_COLUMNS.replace("kind=$header.event-kind, ", "")
                .replace(", event=$value", "");

        // when / then
        assertThatThrownBy(() -> InsertPlan.of(TABLE, mappings(withoutKind), TestTables.productEvents()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(JdbcSinkConfig.COLUMNS)
                .hasMessageContaining("columns kind, event of product_events are NOT NULL without a default");
    }

    @Test
    void aColumnByDefaultIdentityOrWithADefaultMayBeLeftOutOrMapped() {
        Map<String, TableColumn> table = TestTables.columns(
                new TableColumn("id", "int8", true, false, "d", false),
                new TableColumn("at", "timestamptz", true, true, "", false),
                new TableColumn("note", "text", false, false, "", false));

        assertThat(InsertPlan.of(TABLE, mappings("note=note"), table).columns()).as("left out").hasSize(1);
        assertThat(InsertPlan.of(TABLE, mappings("id=id, at=$timestamp"), table).columns()).as("mapped").hasSize(2);
    }

    static List<ColumnMapping> mappings(String columns) {
        return ColumnMapping.parseAll(List.of(columns.split("\\s*,\\s*")));
    }
}
