package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Records of topic product-events as the product-events sink gets them (a 16-byte key from
 * ByteArrayConverter, the event's JSON bytes from the registry converter, the kind in a header) and
 * the rows they become.
 */
class RowConverterTest {

    static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    static final long RECEIVED = 1_744_287_299_123L;
    static final String VIEW_EVENT = """
            {"platform":"androidtv","event_name":"app_list","event_datetime":"2026-12-06T10:00:00.123456Z",
             "userId":"u-1","content_id":"","sid":"s-1","profile_age":-1,"is_mobile":false}""";
    static final String PRODUCT_EVENT = """
            {"event_name":"app_list","event_datetime":"2025-04-10T15:34:56.000+03:00","client_id":"abc123def456",
             "product_id":"prod-001","sid":"session-123","price":499,"event_receive_timestamp":1744287299}""";

    private final RowConverter converter = new RowConverter(InsertPlan.of(TableName.parse("product_events"),
            InsertPlanTest.mappings(JdbcTestConfigs.PRODUCT_EVENTS_COLUMNS), TestTables.productEvents()),
            RecordView.newMapper());

    @Test
    void aViewEventBecomesARowWithItsKeyKindTypedFieldsReceiveTimeAndTheWholeEvent() throws Exception {
        // when
        Row row = converter.toRow(record("view-event", VIEW_EVENT));

        // then
        assertThat(row.values()).as("row").containsExactly(KEY, "view-event", "app_list",
                OffsetDateTime.of(2026, 12, 6, 10, 0, 0, 123_456_000, ZoneOffset.UTC), "u-1", "", "s-1",
                Instant.ofEpochMilli(RECEIVED).atOffset(ZoneOffset.UTC), VIEW_EVENT);
    }

    @Test
    void aProductEventTakesTheSecondAlternativeOfUserAndProduct() throws Exception {
        // when
        Row row = converter.toRow(record("product_events", PRODUCT_EVENT));

        // then
        assertThat(row.values().subList(3, 7)).as("event_datetime, user_id, product_id, sid").containsExactly(
                OffsetDateTime.parse("2025-04-10T15:34:56.000+03:00"), "abc123def456", "prod-001", "session-123");
    }

    @Test
    void anEmptyStringIsAValueButNullIsMissing() throws Exception {
        // given userId null and client_id present, content_id empty and product_id present
        String event = """
                {"event_name":"e","event_datetime":"2025-04-10T12:00:00Z","userId":null,"client_id":"c-2",
                 "content_id":"","product_id":"p-2"}""";

        // when
        Row row = converter.toRow(record("view-event", event));

        // then
        assertThat(row.values().subList(4, 7)).as("user_id, product_id, sid").containsExactly("c-2", "", null);
    }

    @Test
    void aRecordWithoutAValueForANotNullColumnIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> converter.toRow(record("view-event", "{\"event_datetime\":\"2025-04-10T12:00:00Z\"}")))
                .isInstanceOf(ConversionException.class)
                .hasMessage("column event_name (text) from event_name: the column is NOT NULL, and it is not present");
        assertThatThrownBy(() -> converter.toRow(record(null, VIEW_EVENT)))
                .hasMessageContaining("column kind (text) from $header.event-kind: the column is NOT NULL");
    }

    @Test
    void aTimestampThatIsNotIso8601WithAnOffsetIsRefusedNamingTheColumn() {
        for (String bad : new String[] {"\"yesterday\"", "\"2025-04-10 12:00:00\"", "\"2025-04-10T12:00:00\"",
                "1744287299"}) {
            String event = "{\"event_name\":\"e\",\"event_datetime\":" + bad + "}";
            assertThatThrownBy(() -> converter.toRow(record("view-event", event))).as(bad)
                    .isInstanceOf(ConversionException.class)
                    .hasMessageStartingWith("column event_datetime (timestamptz) from event_datetime: ");
        }
    }

    @Test
    void aValueThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> converter.toRow(record("view-event", "{\"event_name\":")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> converter.toRow(record("view-event", "{\"a\":1} {\"b\":2}")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void aMapFromJsonConverterWorksLikeJsonText() throws Exception {
        // given the value as JsonConverter without schemas leaves it
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", "app_list");
        event.put("event_datetime", "2025-04-10T12:34:56Z");
        event.put("client_id", "c");
        SinkRecord record = new SinkRecord("product-events", 0, Schema.BYTES_SCHEMA, KEY, null, event, 7L, RECEIVED,
                TimestampType.CREATE_TIME, headers("product_events"));

        // when
        Row row = converter.toRow(record);

        // then
        assertThat(row.values().get(4)).as("user_id").isEqualTo("c");
        assertThat(row.values().get(8)).as("event")
                .isEqualTo("{\"event_name\":\"app_list\",\"event_datetime\":\"2025-04-10T12:34:56Z\",\"client_id\":\"c\"}");
    }

    @Test
    void theFeedbackTableOfThePromoIssueMapsFromItsNotificationFields() throws Exception {
        // given the earlier promo system's feedback table and a notification
        Map<String, TableColumn> table = TestTables.columns(
                new TableColumn("id", "int4", true, true, "", false),
                new TableColumn("adv_campaign_id", "text", true, false, "", false),
                new TableColumn("adv_campaign_datetime_start", "int8", true, false, "", false),
                new TableColumn("client_id", "text", true, false, "", false),
                new TableColumn("trigger_datetime_created", "int4", true, false, "", false),
                new TableColumn("feedback", "varchar", false, false, "", false));
        RowConverter feedback = new RowConverter(InsertPlan.of(TableName.parse("subscribers_feedback"),
                InsertPlanTest.mappings("adv_campaign_id=adv_campaign_id, adv_campaign_datetime_start="
                        + "adv_campaign_datetime_start, client_id=client_id, trigger_datetime_created="
                        + "trigger_datetime_created, feedback=feedback"), table), RecordView.newMapper());
        String notification = """
                {"adv_campaign_id":"123e4567-e89b-12d3-a456-426614174003","adv_campaign_datetime_start":1659203516,
                 "client_id":"0c3e6b3a","trigger_datetime_created":1659304828}""";

        // when
        Row row = feedback.toRow(new SinkRecord("promo-notifications", 0, null, "k", null, notification, 1L));

        // then
        assertThat(row.values()).as("row").containsExactly("123e4567-e89b-12d3-a456-426614174003", 1_659_203_516L,
                "0c3e6b3a", 1_659_304_828, null);
    }

    static SinkRecord record(String kind, String json) {
        return new SinkRecord("product-events", 3, Schema.BYTES_SCHEMA, KEY, Schema.OPTIONAL_BYTES_SCHEMA,
                json.getBytes(StandardCharsets.UTF_8), 42L, RECEIVED, TimestampType.CREATE_TIME, headers(kind));
    }

    private static ConnectHeaders headers(String kind) {
        ConnectHeaders headers = new ConnectHeaders();
        if (kind != null) {
            headers.addString("event-kind", kind);
        }
        return headers;
    }
}
