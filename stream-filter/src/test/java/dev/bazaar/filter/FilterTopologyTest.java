package dev.bazaar.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter's behaviour, record by record, on the topology itself. */
class FilterTopologyTest {

    private final FilterMetrics metrics = new FilterMetrics();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> items;
    private TestInputTopic<String, byte[]> stopList;
    private TestOutputTopic<String, byte[]> filtered;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void givenTheTopology() {
        Properties props = FilterTopology.optimizations();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stream-filter-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(FilterTopology.build(6, metrics), props);
        items = driver.createInputTopic(Topics.ITEMS, new StringSerializer(), new ByteArraySerializer());
        stopList = driver.createInputTopic(Topics.BLOCKED_PRODUCTS, new StringSerializer(), new ByteArraySerializer());
        filtered = driver.createOutputTopic(Topics.FILTERED_ITEMS, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ_STREAM_FILTER, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void itemOfAProductThatIsNotBlockedIsForwardedUnchanged() {
        byte[] item = item("p-1", 100);
        items.pipeInput("p-1", item);
        TestRecord<String, byte[]> out = filtered.readRecord();
        assertThat(out.key()).as("key").isEqualTo("p-1");
        assertThat(out.value()).as("value").isEqualTo(item);
        assertThat(metrics.counters()).as("metrics").containsEntry("stream_filter_records_out_total", 1L);
    }

    @Test
    void itemOfABlockedProductIsDroppedAndCounted() {
        stopList.pipeInput("p-2", block("p-2"));
        items.pipeInput("p-2", item("p-2", 100));
        assertThat(filtered.isEmpty()).as("nothing forwarded for a blocked product").isTrue();
        assertThat(metrics.counters()).as("metrics").containsEntry("stream_filter_records_dropped_total", 1L);
    }

    @Test
    void blockingAfterTheItemWentOutSendsATombstone() {
        items.pipeInput("p-3", item("p-3", 100));
        filtered.readRecord();
        stopList.pipeInput("p-3", block("p-3"));
        TestRecord<String, byte[]> tombstone = filtered.readRecord();
        assertThat(tombstone.key()).as("key").isEqualTo("p-3");
        assertThat(tombstone.value()).as("tombstone").isNull();
    }

    @Test
    void blockingTwiceSendsOneTombstone() {
        items.pipeInput("p-4", item("p-4", 100));
        filtered.readRecord();
        stopList.pipeInput("p-4", block("p-4"));
        stopList.pipeInput("p-4", block("p-4"));
        assertThat(filtered.readRecordsToList()).as("records after blocking twice").hasSize(1);
    }

    @Test
    void unblockingSendsTheLatestItemAgain() {
        items.pipeInput("p-5", item("p-5", 100));
        stopList.pipeInput("p-5", block("p-5"));
        items.pipeInput("p-5", item("p-5", 120));
        filtered.readRecordsToList();
        stopList.pipeInput("p-5", (byte[]) null);
        TestRecord<String, byte[]> again = filtered.readRecord();
        assertThat(again.value()).as("the latest item, not the first").isEqualTo(item("p-5", 120));
        assertThat(filtered.isEmpty()).as("one record on unblock").isTrue();
    }

    @Test
    void unblockingAProductNeverBlockedChangesNothing() {
        items.pipeInput("p-6", item("p-6", 100));
        filtered.readRecord();
        stopList.pipeInput("p-6", (byte[]) null);
        assertThat(filtered.isEmpty()).as("nothing re-sent").isTrue();
    }

    @Test
    void unreadableRecordGoesToDeadLettersWithTheReasonAndTheNextOneFlows() {
        items.pipeInput("p-7", "not the wire format".getBytes(StandardCharsets.UTF_8));
        items.pipeInput("p-8", item("p-8", 100));
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        Header reason = dead.headers().lastHeader(ItemProcessor.ERROR_HEADER);
        assertThat(reason).as("error header").isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).as("reason").contains("magic byte");
        assertThat(filtered.readRecord().key()).as("next good record").isEqualTo("p-8");
        assertThat(metrics.counters()).as("metrics").containsEntry("stream_filter_dead_letters_total", 1L);
    }

    @Test
    void tombstoneOnItemsIsPassedOnAndForgotten() {
        items.pipeInput("p-9", item("p-9", 100));
        items.pipeInput("p-9", (byte[]) null);
        List<TestRecord<String, byte[]>> out = filtered.readRecordsToList();
        assertThat(out).as("item then tombstone").hasSize(2);
        assertThat(out.get(1).value()).as("tombstone").isNull();
        stopList.pipeInput("p-9", block("p-9"));
        stopList.pipeInput("p-9", (byte[]) null);
        assertThat(filtered.isEmpty()).as("a deleted item is not re-sent on unblock").isTrue();
    }

    /** An item as shop-api stores it: magic byte 0, schema id 1, JSON. */
    private static byte[] item(String productId, int price) {
        return wire("{\"productId\":\"" + productId + "\",\"price\":{\"amount\":" + price + ",\"currency\":\"RUB\"}}");
    }

    private static byte[] block(String productId) {
        return wire("{\"productId\":\"" + productId + "\",\"reason\":\"test\",\"blockedBy\":\"ops\","
                + "\"blockedAt\":\"2026-11-23T10:00:00Z\"}");
    }

    private static byte[] wire(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(1).put(payload).array();
    }
}
