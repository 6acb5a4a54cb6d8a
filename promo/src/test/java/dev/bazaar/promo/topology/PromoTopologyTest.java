package dev.bazaar.promo.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join's rules, on a test driver whose wall clock the tests move. */
class PromoTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHEMA_ID = 42;
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final long NOW_S = NOW.getEpochSecond();

    @TempDir
    Path state;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> campaigns;
    private TestInputTopic<byte[], byte[]> subscribers;
    private TestOutputTopic<String, byte[]> notifications;
    private TestOutputTopic<String, byte[]> deadLetters;
    private final PromoMetrics metrics = new PromoMetrics();

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(PromoTopology.build(3, SCHEMA_ID, metrics, Duration.ofSeconds(1)),
                driverProps(), NOW);
        campaigns = driver.createInputTopic(Topics.PROMO_CAMPAIGNS, new ByteArraySerializer(), new ByteArraySerializer());
        subscribers = driver.createInputTopic(Topics.PROMO_SUBSCRIBERS, new ByteArraySerializer(),
                new ByteArraySerializer());
        notifications = driver.createOutputTopic(Topics.PROMO_NOTIFICATIONS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ_PROMO, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    private Properties driverProps() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "promo-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return props;
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anActiveCampaignNotifiesEveryCurrentSubscriberOfItsStoreWithEveryFieldPlusCustomerAndTime() throws Exception {
        // given
        subscribe(1, "alice", "store-a");
        subscribe(2, "bob", "store-a");
        subscribe(3, "carol", "store-b");
        // when
        campaigns.pipeInput(framed(campaign("c1", "store-a", NOW_S - 60, NOW_S + 600)));
        // then
        List<TestRecord<String, byte[]>> out = notifications.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactlyInAnyOrder("alice", "bob");
        TestRecord<String, byte[]> first = out.getFirst();
        assertThat(ByteBuffer.wrap(first.value()).get()).isZero();
        assertThat(ByteBuffer.wrap(first.value(), 1, 4).getInt()).isEqualTo(SCHEMA_ID);
        JsonNode notification = unframed(first.value());
        ObjectNode expected = campaign("c1", "store-a", NOW_S - 60, NOW_S + 600);
        expected.put("client_id", first.key());
        expected.put("trigger_datetime_created", NOW_S);
        assertThat(notification.toString()).isEqualTo(expected.toString());
        assertThat(first.timestamp()).isEqualTo(NOW_S * 1000);
    }

    @Test
    void aCampaignThatEndedNotifiesNobody() throws Exception {
        subscribe(1, "alice", "store-a");
        campaigns.pipeInput(json(campaign("old", "store-a", NOW_S - 7200, NOW_S - 1)));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(notifications.isEmpty()).isTrue();
        assertThat(metrics.counters()).containsEntry("promo_campaigns_expired_total", 1L);
    }

    @Test
    void aCampaignThatStartsLaterNotifiesAtItsStartByTheWallClockWithNoOtherRecord() throws Exception {
        // given
        subscribe(1, "alice", "store-a");
        campaigns.pipeInput(json(campaign("later", "store-a", NOW_S + 30, NOW_S + 600)));
        // when the wall clock nears the start, nothing; once it passes, the notification within a punctuation
        driver.advanceWallClockTime(Duration.ofSeconds(29));
        assertThat(notifications.isEmpty()).isTrue();
        assertThat(metrics.gauges()).containsEntry("promo_campaigns_pending", 1.0);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        // then
        TestRecord<String, byte[]> notified = notifications.readRecord();
        assertThat(notified.key()).isEqualTo("alice");
        assertThat(unframed(notified.value()).path("trigger_datetime_created").asLong()).isBetween(NOW_S + 30, NOW_S + 31);
        assertThat(metrics.gauges()).containsEntry("promo_campaigns_active", 1.0);
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(notifications.isEmpty()).isTrue();
    }

    @Test
    void aCustomerWhoSubscribesDuringAnActiveCampaignIsNotifiedAndOneWhoUnsubscribesIsNotNotifiedAgain()
            throws Exception {
        // given
        subscribe(1, "alice", "store-a");
        campaigns.pipeInput(json(campaign("c1", "store-a", NOW_S, NOW_S + 600)));
        assertThat(notifications.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("alice");
        // when
        subscribe(2, "bob", "store-a");
        unsubscribe(1);
        campaigns.pipeInput(json(campaign("c2", "store-a", NOW_S, NOW_S + 600)));
        // then
        assertThat(notifications.readRecordsToList()).extracting(record -> record.key() + ":"
                + unframed(record.value()).path("adv_campaign_id").asText())
                .containsExactly("bob:c1", "bob:c2");
    }

    @Test
    void eachCampaignAndCustomerIsNotifiedOnceWhateverIsSentAgainOrWhoLeavesAndComesBack() throws Exception {
        // given
        subscribe(1, "alice", "store-a");
        campaigns.pipeInput(json(campaign("c1", "store-a", NOW_S, NOW_S + 600)));
        // when: the same campaign again, a change of the same row seen again, leaving and joining again
        campaigns.pipeInput(framed(campaign("c1", "store-a", NOW_S, NOW_S + 600)));
        subscribe(1, "alice", "store-a");
        unsubscribe(1);
        subscribe(7, "alice", "store-a");
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        // then
        assertThat(notifications.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("alice");
        assertThat(metrics.counters()).containsEntry("promo_repeats_skipped_total", 2L);
    }

    @Test
    void aFanOutRemembersNoCustomerYetACustomerWhoJoinsAfterItLeavesAndJoinsAgainIsNotifiedOnce() throws Exception {
        // given: a fan-out to two subscribers, then a third who joins during the campaign
        subscribe(1, "alice", "store-a");
        subscribe(2, "bob", "store-a");
        campaigns.pipeInput(json(campaign("c1", "store-a", NOW_S, NOW_S + 600)));
        assertThat(driver.getKeyValueStore(PromoTopology.NOTIFIED).approximateNumEntries()).isZero();
        subscribe(3, "carol", "store-a");
        // when: each of them leaves and comes back, carol twice
        unsubscribe(1);
        unsubscribe(2);
        unsubscribe(3);
        subscribe(4, "alice", "store-a");
        subscribe(5, "bob", "store-a");
        subscribe(6, "carol", "store-a");
        unsubscribe(6);
        subscribe(7, "carol", "store-a");
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        // then
        assertThat(notifications.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(metrics.counters()).containsEntry("promo_notifications_total", 3L)
                .containsEntry("promo_repeats_skipped_total", 4L);
    }

    @Test
    void aSubscriberWhoComesAfterTheClockStartedACampaignButBeforeItsPunctuationIsPartOfItsOneFanOut()
            throws Exception {
        // given: a campaign starting in 10 s, and the clock past its start with no punctuation yet
        Duration punctuation = Duration.ofSeconds(30);
        driver.close();
        driver = new TopologyTestDriver(PromoTopology.build(3, SCHEMA_ID, metrics, punctuation), driverProps(), NOW);
        campaigns = driver.createInputTopic(Topics.PROMO_CAMPAIGNS, new ByteArraySerializer(), new ByteArraySerializer());
        subscribers = driver.createInputTopic(Topics.PROMO_SUBSCRIBERS, new ByteArraySerializer(),
                new ByteArraySerializer());
        notifications = driver.createOutputTopic(Topics.PROMO_NOTIFICATIONS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        subscribe(1, "alice", "store-a");
        campaigns.pipeInput(json(campaign("soon", "store-a", NOW_S + 10, NOW_S + 600)));
        driver.advanceWallClockTime(Duration.ofSeconds(12));
        assertThat(notifications.isEmpty()).isTrue();
        // when
        subscribe(2, "bob", "store-a");
        driver.advanceWallClockTime(punctuation);
        // then
        assertThat(notifications.readKeyValuesToList()).extracting(kv -> kv.key).containsExactlyInAnyOrder("alice",
                "bob");
    }

    @Test
    void aCustomerIdIsWrittenAsAJsonStringWhateverItHolds() throws Exception {
        String id = "\"quoted\" \\ back/slash \t tab ü 𝄞";
        subscribe(1, id, "store-a");
        campaigns.pipeInput(json(campaign("c1", "store-a", NOW_S, NOW_S + 600)));
        TestRecord<String, byte[]> notified = notifications.readRecord();
        assertThat(notified.key()).isEqualTo(id);
        assertThat(unframed(notified.value()).path("client_id").textValue()).isEqualTo(id);
    }

    @Test
    void anEndedCampaignIsForgottenSoThatLaterSubscribersGetNothingOfIt() throws Exception {
        subscribe(1, "alice", "store-a");
        campaigns.pipeInput(json(campaign("short", "store-a", NOW_S, NOW_S + 10)));
        notifications.readRecordsToList();
        driver.advanceWallClockTime(Duration.ofSeconds(12));
        subscribe(2, "bob", "store-a");
        assertThat(notifications.isEmpty()).isTrue();
        assertThat(driver.getKeyValueStore(PromoTopology.CAMPAIGNS).approximateNumEntries()).isZero();
        assertThat(driver.getKeyValueStore(PromoTopology.NOTIFIED).approximateNumEntries()).isZero();
    }

    @Test
    void aRowMovedToAnotherStoreLeavesTheOldOneAndJoinsTheNewOne() throws Exception {
        subscribe(1, "alice", "store-a");
        subscribe(1, "alice", "store-b");
        campaigns.pipeInput(json(campaign("a1", "store-a", NOW_S, NOW_S + 600)));
        campaigns.pipeInput(json(campaign("b1", "store-b", NOW_S, NOW_S + 600)));
        assertThat(notifications.readRecordsToList()).extracting(record -> record.key() + ":"
                + unframed(record.value()).path("adv_campaign_id").asText()).containsExactly("alice:b1");
    }

    @Test
    void twoRowsOfTheSameCustomerAndStoreAreOneSubscriptionThatEndsWithTheLastRow() throws Exception {
        subscribe(1, "alice", "store-a");
        subscribe(2, "alice", "store-a");
        unsubscribe(1);
        campaigns.pipeInput(json(campaign("c1", "store-a", NOW_S, NOW_S + 600)));
        assertThat(notifications.readKeyValuesToList()).hasSize(1);
        unsubscribe(2);
        campaigns.pipeInput(json(campaign("c2", "store-a", NOW_S, NOW_S + 600)));
        assertThat(notifications.isEmpty()).isTrue();
    }

    @Test
    void debeziumsEnvelopeRewrittenDeletesAndJsonNullsAreReadToo() throws Exception {
        subscribers.pipeInput(key(5), bytes("{\"before\":null,\"after\":{\"id\":5,\"client_id\":\"dora\","
                + "\"restaurant_id\":\"store-a\"},\"op\":\"c\"}"));
        subscribers.pipeInput(key(6), bytes("{\"id\":6,\"client_id\":\"erin\",\"restaurant_id\":\"store-a\"}"));
        subscribers.pipeInput(key(6), bytes("{\"id\":6,\"client_id\":null,\"restaurant_id\":null,"
                + "\"__deleted\":\"true\"}"));
        subscribers.pipeInput(key(6), (byte[]) null);
        subscribers.pipeInput(key(8), bytes("{\"id\":8,\"client_id\":\"fred\",\"restaurant_id\":\"store-a\"}"));
        subscribers.pipeInput(key(8), bytes("null"));
        campaigns.pipeInput(json(campaign("c1", "store-a", NOW_S, NOW_S + 600)));
        assertThat(notifications.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("dora");
    }

    @Test
    void recordsThatAreNoCampaignOrNoRowGoToTheDeadLettersWithTheReasonAndTheStreamGoesOn() throws Exception {
        // given
        subscribe(1, "alice", "store-a");
        ObjectNode noOwner = campaign("bad1", "store-a", NOW_S, NOW_S + 600);
        noOwner.remove("adv_campaign_owner");
        ObjectNode backwards = campaign("bad2", "store-a", NOW_S + 600, NOW_S);
        ObjectNode textTime = campaign("bad3", "store-a", NOW_S, NOW_S + 600);
        textTime.put("datetime_created", "yesterday");
        ObjectNode extra = campaign("bad4", "store-a", NOW_S, NOW_S + 600);
        extra.put("discount", 70);
        // when
        campaigns.pipeInput(json(noOwner));
        campaigns.pipeInput(json(backwards));
        campaigns.pipeInput(json(textTime));
        campaigns.pipeInput(bytes("not json"));
        campaigns.pipeInput(json(extra));
        subscribers.pipeInput(key(9), bytes("{\"id\":9,\"client_id\":\"zed\"}"));
        campaigns.pipeInput(json(campaign("good", "store-a", NOW_S, NOW_S + 600)));
        // then
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(record -> header(record, DeadLetters.ERROR)
                .replaceAll("(Unrecognized token 'not').*", "$1")).containsExactly(
                "promo-campaigns: field adv_campaign_owner is missing",
                "promo-campaigns: the campaign ends (adv_campaign_datetime_end " + NOW_S
                        + ") before it starts (adv_campaign_datetime_start " + (NOW_S + 600) + ")",
                "promo-campaigns: field datetime_created must be a whole number of seconds since the epoch (0 or "
                        + "more), not \"yesterday\"",
                "promo-campaigns: the campaign is not JSON: Unrecognized token 'not'",
                "promo-campaigns: field discount is not a field of a campaign (those are restaurant_id, "
                        + "adv_campaign_id, adv_campaign_content, adv_campaign_owner, adv_campaign_owner_contact, "
                        + "adv_campaign_datetime_start, adv_campaign_datetime_end, datetime_created)",
                "promo-subscribers: field restaurant_id of the subscriber row is missing");
        assertThat(dead.get(3).value()).isEqualTo(bytes("not json"));
        assertThat(header(dead.get(0), DeadLetters.TOPIC)).isEqualTo(Topics.PROMO_CAMPAIGNS);
        assertThat(notifications.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("alice");
    }

    private void subscribe(int id, String client, String store) {
        subscribers.pipeInput(key(id), bytes(JSON.createObjectNode().put("id", id).put("client_id", client)
                .put("restaurant_id", store).toString()));
    }

    private void unsubscribe(int id) {
        subscribers.pipeInput(key(id), (byte[]) null);
    }

    private static byte[] key(int id) {
        return bytes("{\"id\":" + id + "}");
    }

    static ObjectNode campaign(String id, String store, long start, long end) {
        ObjectNode campaign = JSON.createObjectNode();
        campaign.put("restaurant_id", store);
        campaign.put("adv_campaign_id", id);
        campaign.put("adv_campaign_content", "first dish free for all new clients");
        campaign.put("adv_campaign_owner", "Ivanov Ivan Ivanovich");
        campaign.put("adv_campaign_owner_contact", "iiivanov@restaurant.ru");
        campaign.put("adv_campaign_datetime_start", start);
        campaign.put("adv_campaign_datetime_end", end);
        campaign.put("datetime_created", start - 60);
        return campaign;
    }

    private static byte[] json(ObjectNode node) throws Exception {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] framed(ObjectNode node) throws Exception {
        byte[] json = json(node);
        return ByteBuffer.allocate(5 + json.length).put((byte) 0).putInt(7).put(json).array();
    }

    private static JsonNode unframed(byte[] value) {
        try {
            return JSON.readTree(Arrays.copyOfRange(value, 5, value.length));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
