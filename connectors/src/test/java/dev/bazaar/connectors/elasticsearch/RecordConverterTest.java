package dev.bazaar.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordConverterTest {

    private static final String ITEM_JSON = """
            {"productId":"dumbbells-2x10","name":{"ru":"Гантели","en":"Dumbbells"},
             "price":{"amount":4990.99,"currency":"RUB"},"stock":37,"tags":["fitness","home-gym"],
             "specifications":{"weightKg":20,"chromeHandles":true}}""";

    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordConverter converter = converter(NullValueBehavior.DELETE);

    @Test
    void aSchemalessJsonValueBecomesAnIndexActionWithTheKeyAsId() throws Exception {
        // given: what JsonConverter with schemas.enable=false hands the task: a Map
        Object value = schemaless(ITEM_JSON);
        SinkRecord record = new SinkRecord("filtered-items", 0, Schema.STRING_SCHEMA, "dumbbells-2x10", null, value, 7);

        // when
        Optional<DocumentAction> action = converter.toAction(record);

        // then
        JsonNode expected = json(ITEM_JSON);
        assertThat(value).as("converter output").isInstanceOf(Map.class);
        assertThat(action).as("action").get().isInstanceOfSatisfying(DocumentAction.Index.class, index -> {
            assertThat(index.index()).as("index from topic.index.map").isEqualTo("items");
            assertThat(index.id()).as("id").isEqualTo("dumbbells-2x10");
            assertSameJson(tree(index.document()), expected);
        });
    }

    @Test
    void aStructValueBecomesTheSameDocument() throws Exception {
        // given: what JsonConverter with schemas hands the task: a Struct
        Schema price = SchemaBuilder.struct().field("amount", Decimal.schema(2)).field("currency", Schema.STRING_SCHEMA)
                .build();
        Schema item = SchemaBuilder.struct().field("productId", Schema.STRING_SCHEMA).field("price", price)
                .field("stock", Schema.INT32_SCHEMA).field("brand", Schema.OPTIONAL_STRING_SCHEMA).build();
        Struct value = new Struct(item).put("productId", "p-1").put("stock", 3)
                .put("price", new Struct(price).put("amount", new BigDecimal("4990.99")).put("currency", "RUB"));
        SchemaAndValue converted = roundTripWithSchema(item, value);
        SinkRecord record = new SinkRecord("filtered-items", 0, Schema.STRING_SCHEMA, "p-1", converted.schema(),
                converted.value(), 1);

        // when
        DocumentAction action = converter.toAction(record).orElseThrow();

        // then
        assertThat(converted.value()).as("converter output").isInstanceOf(Struct.class);
        assertSameJson(tree(((DocumentAction.Index) action).document()), json(
                "{\"productId\":\"p-1\",\"price\":{\"amount\":4990.99,\"currency\":\"RUB\"},\"stock\":3,\"brand\":null}"));
    }

    @Test
    void aStringOrBytesValueHoldingOneLineOfJsonIsPassedOnAsItIs() throws Exception {
        // given
        String line = "{\"productId\":\"p-1\",  \"name\":\"Гантели\",\"tags\":[\"a\\nb\"]}";
        SinkRecord text = new SinkRecord("filtered-items", 0, null, "p-1", null, line, 1);
        SinkRecord bytes = new SinkRecord("filtered-items", 0, null, "p-1".getBytes(StandardCharsets.UTF_8), null,
                line.getBytes(StandardCharsets.UTF_8), 2);

        // when
        DocumentAction fromText = converter.toAction(text).orElseThrow();
        DocumentAction fromBytes = converter.toAction(bytes).orElseThrow();

        // then: the same bytes, spacing and escapes untouched
        assertThat(fromText).as("from a String").isEqualTo(
                new DocumentAction.Index("items", "p-1", JsonSource.checked(line.getBytes(StandardCharsets.UTF_8))));
        assertThat(fromBytes).as("from byte[]").isEqualTo(fromText);
    }

    @Test
    void jsonTextOverSeveralLinesIsRewrittenOnOneLine() throws Exception {
        // given: a bulk request holds one document per line
        SinkRecord pretty = new SinkRecord("filtered-items", 0, null, "p-1", null, ITEM_JSON.replace(",", ",\r\n"), 1);

        // when
        JsonSource document = ((DocumentAction.Index) converter.toAction(pretty).orElseThrow()).document();

        // then
        assertThat(document.toString()).as("compact source").doesNotContain("\n").doesNotContain("\r");
        assertSameJson(tree(document), json(ITEM_JSON));
    }

    @Test
    void aTombstoneDeletesTheDocumentByDefault() throws Exception {
        // given
        SinkRecord tombstone = new SinkRecord("filtered-items", 0, Schema.STRING_SCHEMA, "p-1", null, null, 3);

        // when
        Optional<DocumentAction> action = converter.toAction(tombstone);

        // then
        assertThat(action).as("action").contains(new DocumentAction.Delete("items", "p-1"));
    }

    @Test
    void anIgnoredTombstoneIsSkippedAndAFailingOneStopsTheTask() throws Exception {
        // given
        SinkRecord tombstone = new SinkRecord("filtered-items", 2, Schema.STRING_SCHEMA, "p-1", null, null, 3);

        // when / then
        assertThat(converter(NullValueBehavior.IGNORE).toAction(tombstone)).as("ignored").isEmpty();
        assertThatThrownBy(() -> converter(NullValueBehavior.FAIL).toAction(tombstone))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("filtered-items-2@3");
    }

    @Test
    void aRecordWithoutAKeyIsMalformed() {
        // given
        SinkRecord record = new SinkRecord("filtered-items", 0, null, null, null, ITEM_JSON, 4);
        SinkRecord tombstone = new SinkRecord("filtered-items", 0, null, null, null, null, 5);

        // when / then
        assertThatThrownBy(() -> converter.toAction(record)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("no key");
        assertThatThrownBy(() -> converter.toAction(tombstone)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void aKeyThatCannotBeAnIdIsMalformed() {
        // given
        SinkRecord blank = new SinkRecord("filtered-items", 0, null, " ", null, ITEM_JSON, 1);
        SinkRecord tooLong = new SinkRecord("filtered-items", 0, null, "x".repeat(513), null, ITEM_JSON, 2);
        SinkRecord structKey = new SinkRecord("filtered-items", 0, null, Map.of("id", "p-1"), null, ITEM_JSON, 3);

        // when / then
        assertThatThrownBy(() -> converter.toAction(blank)).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> converter.toAction(tooLong)).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> converter.toAction(structKey)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("string key");
    }

    @Test
    void aValueThatIsNoJsonObjectIsMalformed() {
        // given
        SinkRecord array = new SinkRecord("filtered-items", 0, null, "p-1", null, "[1,2]", 1);
        SinkRecord broken = new SinkRecord("filtered-items", 0, null, "p-1", null, "{\"productId\":", 2);
        SinkRecord number = new SinkRecord("filtered-items", 0, null, "p-1", Schema.INT64_SCHEMA, 42L, 3);

        // when / then
        assertThatThrownBy(() -> converter.toAction(array)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> converter.toAction(broken)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> converter.toAction(number)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("java.lang.Long");
        assertThatThrownBy(() -> converter.toAction(record("{\"a\":1} {\"b\":2}"))).as("two objects")
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("more than one JSON value");
        assertThatThrownBy(() -> converter.toAction(record(""))).as("empty text")
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("not a JSON object but empty");
        assertThatThrownBy(() -> converter.toAction(record("{\"a\":tru}"))).as("bad literal deep inside")
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void topicsRouteByMapThenIndexNameThenTopicName() {
        // given
        IndexRouter mapped = new IndexRouter(Map.of("filtered-items", "items"), Optional.of("catalog"));
        IndexRouter byTopic = new IndexRouter(Map.of(), Optional.empty());

        // when / then
        assertThat(mapped.indexFor("filtered-items")).as("mapped topic").isEqualTo("items");
        assertThat(mapped.indexFor("orders")).as("other topic with index.name").isEqualTo("catalog");
        assertThat(byTopic.indexFor("Filtered-Items")).as("topic name, lower case").isEqualTo("filtered-items");
        assertThatThrownBy(() -> byTopic.indexFor("_internal")).isInstanceOf(ConnectException.class)
                .hasMessageContaining("_internal").hasMessageContaining(ElasticsearchSinkConfig.TOPIC_INDEX_MAP);
    }

    private RecordConverter converter(NullValueBehavior onNull) {
        return new RecordConverter(new IndexRouter(Map.of("filtered-items", "items"), Optional.empty()),
                new JsonDocuments(mapper), onNull);
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    private JsonNode tree(JsonSource document) {
        try {
            return mapper.readTree(document.bytes());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + document, e);
        }
    }

    private static SinkRecord record(String value) {
        return new SinkRecord("filtered-items", 0, null, "p-1", null, value, 9);
    }

    /** Same JSON, field order and number representation (int or long, double or decimal) aside. */
    private static void assertSameJson(JsonNode actual, JsonNode expected) {
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        assertThat(actual.equals(numbersByValue, expected)).as("%s is the same JSON as %s", actual, expected).isTrue();
    }

    private static Object schemaless(String json) {
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", "false"), false);
            return converter.toConnectData("filtered-items", json.getBytes(StandardCharsets.UTF_8)).value();
        }
    }

    private static SchemaAndValue roundTripWithSchema(Schema schema, Struct value) {
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", "true", "decimal.format", "NUMERIC"), false);
            byte[] wire = converter.fromConnectData("filtered-items", schema, value);
            return converter.toConnectData("filtered-items", wire);
        }
    }
}
