package dev.bazaar.promo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.promo.cli.PromoCli;
import dev.bazaar.promo.it.PromoOutput.Notification;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * promo end to end, every part as {@code ./bazaar up} runs it: customers subscribe in PostgreSQL's
 * {@code subscribers_restaurants} (as role {@code shop}), Debezium's connector on the Connect worker
 * captures the changes into {@code promo-subscribers}, stores publish campaigns with a plain Kafka
 * producer as principal {@code shop} and the registry serializer, promo (Kafka Streams, exactly once)
 * notifies on {@code promo-notifications}, and the JDBC sink writes {@code subscribers_feedback}. Each
 * case has stores of its own (prefixed by this run), so the build's shared platform counts only ours.
 * "Nothing more" is proved with a fence: a later campaign of the same store (same task, read after
 * the earlier records) whose notifications arrive, never with a sleep.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** From a change or campaign to its committed notification: the rule says 5 s; the wait allows slack to report. */
    private static final Duration NOTIFIED = Duration.ofSeconds(30);
    private static final Duration RECOVERED = Duration.ofMinutes(2);
    private static final String RUN = "promo" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private static final String PROMO = "promo";
    private static final String CONNECT = "connect";

    private Running platform;
    private PromoOutput output;
    private Producer<String, JsonNode> campaigns;
    private PostgresLogin shop;

    @BeforeAll
    void connect(Running running) throws Exception {
        platform = running;
        output = new PromoOutput(platform, RUN);
        shop = PostgresLogin.resolve(Map.of(), platform.layout(), "shop");
        Properties props = platform.client(Cluster.MAIN, "shop", new Properties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(RegistryConnection.embedded(platform.layout(), RegistryUser.READONLY)
                .serdeConfig()), false);
        campaigns = new KafkaProducer<>(props, new StringSerializer(), serializer);
    }

    @AfterAll
    void close() throws Exception {
        campaigns.close();
        output.close();
    }

    @Test
    @Order(1)
    void anActiveCampaignNotifiesEachSubscriberOfItsStoreOnceWithAFeedbackRowAndASecondCopyChangesNothing()
            throws Exception {
        // given three customers of store a, one of store b
        String a = RUN + "a";
        String b = RUN + "b";
        subscribe("alice", a);
        subscribe("bob", a);
        subscribe("carol", a);
        subscribe("dave", b);
        awaitSubscribers(a, 3);

        // when store a publishes an active campaign, and the same campaign again
        ObjectNode campaign = campaign(a, "a-1", -60, 600);
        publish(campaign);
        publish(campaign);

        // then each subscriber of a is notified once, with every field of the campaign, and gets a feedback row
        List<Notification> notified = awaitNotifications("a-1", 3);
        assertThat(notified).extracting(Notification::client).containsExactlyInAnyOrder(client("alice"),
                client("bob"), client("carol"));
        Notification first = notified.getFirst();
        assertThat(first.key()).isEqualTo(first.client());
        campaign.fieldNames().forEachRemaining(field -> assertThat(first.value().get(field).asText()).as(field)
                .isEqualTo(campaign.get(field).asText()));
        assertThat(first.value().path("trigger_datetime_created").asLong())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(output.feedback(RUN + "a-1"))
                .extracting(PromoOutput.Feedback::client, PromoOutput.Feedback::feedback)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(client("alice"), null),
                        org.assertj.core.groups.Tuple.tuple(client("bob"), null),
                        org.assertj.core.groups.Tuple.tuple(client("carol"), null)));

        // and the copy made nothing: a later campaign of a is notified, a-1 still three times
        fence(a, "a-fence", 3);
        assertThat(output.of(RUN + "a-1")).hasSize(3);
    }

    @Test
    @Order(2)
    void aCustomerWhoSubscribesDuringTheCampaignIsNotifiedWithin5sAndOneWhoUnsubscribesIsNotNotifiedAgain()
            throws Exception {
        // given a store with one subscriber and an active campaign
        String store = RUN + "sub";
        subscribe("erin", store);
        awaitSubscribers(store, 1);
        publish(campaign(store, "sub-1", -5, 600));
        awaitNotifications("sub-1", 1);

        // when frank subscribes during the campaign (measured from PostgreSQL's COMMIT)
        Instant committed = subscribe("frank", store);

        // then frank is notified within 5 s of the commit
        Notification frank = await().atMost(NOTIFIED).until(() -> output.notifications().stream()
                .filter(n -> n.campaign().equals(RUN + "sub-1") && n.client().equals(client("frank"))).findFirst(),
                found -> found.isPresent()).orElseThrow();
        Duration latency = Duration.between(committed, frank.seen());
        System.out.printf("promo: subscribed during an active campaign -> notification committed %d ms after the "
                + "PostgreSQL COMMIT%n", latency.toMillis());
        assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(5));

        // and when erin unsubscribes, the next campaign notifies frank only
        unsubscribe("erin", store);
        awaitSubscribers(store, 1);
        publish(campaign(store, "sub-2", -5, 600));
        assertThat(awaitNotifications("sub-2", 1)).extracting(Notification::client).containsExactly(client("frank"));
    }

    @Test
    @Order(3)
    void aCampaignThatStartsLaterNotifiesWithin5sOfItsStartAndOneThatEndedNotifiesNobody() throws Exception {
        // given a store with two subscribers
        String store = RUN + "time";
        subscribe("gina", store);
        subscribe("hank", store);
        awaitSubscribers(store, 2);

        // when it publishes a campaign that ended a minute ago, and one that starts in 4 s
        publish(campaign(store, "time-ended", -600, -60));
        long start = Instant.now().getEpochSecond() + 4;
        ObjectNode later = campaign(store, "time-later", 0, 600);
        later.put("adv_campaign_datetime_start", start);
        publish(later);

        // then the later one notifies both, not before its start and within 5 s of it
        List<Notification> notified = awaitNotifications("time-later", 2);
        for (Notification notification : notified) {
            assertThat(notification.value().path("trigger_datetime_created").asLong()).isGreaterThanOrEqualTo(start);
            assertThat(notification.seen()).isBeforeOrEqualTo(Instant.ofEpochSecond(start + 5));
        }
        // and the ended one nobody (it was read before the later one, on the same task)
        fence(store, "time-fence", 2);
        assertThat(output.of(RUN + "time-ended")).isEmpty();
    }

    @Test
    @Order(4)
    void aCustomerWhoLeavesAndComesBackDuringACampaignIsNotNotifiedTwice() throws Exception {
        String store = RUN + "again";
        subscribe("ivan", store);
        awaitSubscribers(store, 1);
        publish(campaign(store, "again-1", -5, 600));
        awaitNotifications("again-1", 1);

        unsubscribe("ivan", store);
        subscribe("ivan", store);
        subscribe("jill", store);

        await().atMost(NOTIFIED).until(() -> output.notifications().stream().anyMatch(n ->
                n.campaign().equals(RUN + "again-1") && n.client().equals(client("jill"))));
        fence(store, "again-fence", 2);
        assertThat(output.of(RUN + "again-1")).extracting(Notification::client)
                .containsExactlyInAnyOrder(client("ivan"), client("jill"));
    }

    @Test
    @Order(5)
    void aBadCampaignFromAPlainProducerGoesToTheDeadLettersWithTheReasonAndTheStreamGoesOn() throws Exception {
        // given a store with a subscriber
        String store = RUN + "bad";
        subscribe("kate", store);
        awaitSubscribers(store, 1);

        // when a producer without the registry serializer sends a campaign that ends before it starts
        Properties props = platform.client(Cluster.MAIN, "shop", new Properties());
        ObjectNode backwards = campaign(store, "bad-1", 600, 60);
        try (Producer<String, byte[]> plain = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            plain.send(new ProducerRecord<>(Topics.PROMO_CAMPAIGNS, store, JSON.writeValueAsBytes(backwards)))
                    .get(30, TimeUnit.SECONDS);
        }
        publish(campaign(store, "bad-2", -5, 600));

        // then it is a dead letter saying why, and the next campaign is notified
        awaitNotifications("bad-2", 1);
        assertThat(output.deadLetters()).singleElement().extracting(PromoOutput.DeadLetter::error).asString()
                .contains("ends (adv_campaign_datetime_end").contains("before it starts");
        assertThat(output.of(RUN + "bad-1")).isEmpty();
    }

    @Test
    @Order(6)
    void feedbackIsRecordedOnceAndNeverOverwrittenNotByTheCommandNorByARedeliveredNotification() throws Exception {
        // given a notification of campaign a-1 to alice, stored as a feedback row (case 1)
        String campaign = RUN + "a-1";
        Notification alice = output.of(campaign).stream().filter(n -> n.client().equals(client("alice")))
                .findFirst().orElseThrow();

        // when she answers, answers again, and the notification is delivered to the sink once more
        Result answered = promo("feedback", "--campaign", campaign, "--client", client("alice"), "--text", "yes, ordered");
        Result again = promo("feedback", "--campaign", campaign, "--client", client("alice"), "--text", "no");
        try (Producer<String, byte[]> admin = new KafkaProducer<>(platform.client(Cluster.MAIN, "admin", new Properties()),
                new StringSerializer(), new ByteArraySerializer())) {
            byte[] value = JSON.writeValueAsBytes(alice.value());
            byte[] framed = java.nio.ByteBuffer.allocate(5 + value.length).put((byte) 0).putInt(schemaId()).put(value)
                    .array();
            admin.send(new ProducerRecord<>(Topics.PROMO_NOTIFICATIONS, alice.client(), framed)).get(30, TimeUnit.SECONDS);
        }
        publish(campaign(RUN + "a", "a-after-redelivery", -5, 600));
        awaitNotifications("a-after-redelivery", 3);
        await().atMost(NOTIFIED).until(() -> output.feedback(RUN + "a-after-redelivery").size() == 3);

        // then the first answer stands, the second was refused, and the row is still one
        assertThat(answered.exit()).as("first answer: %s", answered.text()).isZero();
        assertThat(again.exit()).as("second answer: %s", again.text()).isEqualTo(3);
        assertThat(again.text()).contains("already answered").contains("yes, ordered");
        assertThat(output.feedback(campaign)).filteredOn(row -> row.client().equals(client("alice")))
                .singleElement().extracting(PromoOutput.Feedback::feedback).isEqualTo("yes, ordered");
    }

    @Test
    @Order(7)
    void subscriptionChangesWhileTheConnectWorkerIsDownAreNotLost() throws Exception {
        // given the Connect worker (the CDC connector's) killed -9
        String store = RUN + "cdc";
        ProcessHandle worker = platform.process(CONNECT).running().orElseThrow(() -> new AssertionError("no connect"));
        Running.kill(worker);

        // when five customers subscribe while it is down, and it is started again
        for (int i = 0; i < 5; i++) {
            subscribe("cdc-" + i, store);
        }
        platform.platform().start(CONNECT, quiet());
        platform.platform().start("promo-subscribers-cdc", quiet());
        platform.platform().start("promo-feedback-sink", quiet());

        // then all five are subscribers: a campaign notifies each
        awaitSubscribersWithin(store, 5, RECOVERED);
        publish(campaign(store, "cdc-1", -5, 600));
        assertThat(awaitNotifications("cdc-1", 5)).extracting(Notification::client).doesNotHaveDuplicates();
    }

    @Test
    @Order(8)
    void aKillOfPromoInTheMiddleOfAFanOutNotifiesEachSubscriberExactlyOnce() throws Exception {
        // given a store with 2,000 subscribers
        String store = RUN + "kill";
        int subscribers = 2_000;
        try (Connection connection = shop.connect("PromoIT");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO subscribers_restaurants (client_id, restaurant_id) VALUES (?, ?)")) {
            for (int i = 0; i < subscribers; i++) {
                insert.setString(1, client("many-" + i));
                insert.setString(2, store);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        awaitSubscribersWithin(store, subscribers, RECOVERED);

        // when a campaign is published and promo is killed -9 as soon as its first notifications are committed
        publish(campaign(store, "kill-1", -5, 600));
        await().atMost(NOTIFIED).pollInterval(Duration.ofMillis(20))
                .until(() -> !output.notifications().stream().filter(n -> n.campaign().equals(RUN + "kill-1")).toList()
                        .isEmpty());
        ProcessHandle promo = platform.process(PROMO).running().orElseThrow(() -> new AssertionError("no promo"));
        int before = output.of(RUN + "kill-1").size();
        Running.kill(promo);
        platform.platform().start(PROMO, quiet());

        // then each subscriber is notified exactly once, and has exactly one feedback row
        List<Notification> notified = await().atMost(RECOVERED).until(() -> {
            output.notifications();
            return output.of(RUN + "kill-1");
        }, list -> list.size() >= subscribers);
        fence(store, "kill-fence", subscribers);
        output.catchUp();
        System.out.printf("promo: killed -9 after %d of %d notifications were committed%n", before, subscribers);
        assertThat(output.of(RUN + "kill-1")).hasSize(subscribers).extracting(Notification::client)
                .doesNotHaveDuplicates();
        await().atMost(RECOVERED).until(() -> output.feedback(RUN + "kill-1").size() == subscribers);
        assertThat(notified).hasSize(subscribers);
    }

    @Test
    @Order(9)
    void aSecondInstanceTakesPartOfThePartitionsAndEachCampaignStillNotifiesEachSubscriberOnce() throws Exception {
        List<String> stores = IntStream.range(0, 8).mapToObj(n -> RUN + "scale-" + n).toList();
        try {
            // given promo scaled to two instances
            List<ComponentStatus> scaled = platform.platform().scale(PROMO, 2, quiet());
            assertThat(scaled).filteredOn(status -> status.component().startsWith(PROMO))
                    .extracting(ComponentStatus::component, ComponentStatus::state)
                    .contains(tuple(PROMO, ComponentStatus.State.HEALTHY), tuple(PROMO + "-2", ComponentStatus.State.HEALTHY));
            await().atMost(RECOVERED).untilAsserted(() -> assertThat(campaignPartitionsPerMember())
                    .as("partitions of the campaigns by store per member").hasSize(2)
                    .allSatisfy(count -> assertThat(count).isPositive()));

            // when eight stores get two subscribers each, and a campaign each
            for (String store : stores) {
                subscribe("scale-a", store);
                subscribe("scale-b", store);
            }
            for (String store : stores) {
                awaitSubscribersWithin(store, 2, RECOVERED);
            }
            for (int n = 0; n < stores.size(); n++) {
                publish(campaign(stores.get(n), "scale-c" + n, -5, 600));
            }

            // then each campaign notifies both subscribers, once
            for (int n = 0; n < stores.size(); n++) {
                assertThat(awaitNotifications("scale-c" + n, 2)).extracting(Notification::client)
                        .containsExactlyInAnyOrder(client("scale-a"), client("scale-b"));
            }
        } finally {
            platform.platform().scale(PROMO, 1, quiet());
        }
        assertThat(platform.process(PROMO + "-2").running()).as("promo-2 after scale 1").isEmpty();
        // and promo-2 left the group as it stopped, so its partitions go to promo now, not after its 10 s session
        // (7 s: room for a loaded machine, where each look at the group takes a new admin client)
        await("promo-2 gone from promo's group").atMost(Duration.ofSeconds(7))
                .until(() -> campaignPartitionsPerMember().size() == 1);
    }

    @Test
    @Order(10)
    void theDemoCommandsSubscribePublishThroughShopApiAndUnsubscribe() throws Exception {
        // given two customers subscribed with the command
        String store = RUN + "cli";
        for (String name : List.of("cli-ann", "cli-ben")) {
            Result subscribed = promo("subscribe", "--client", client(name), "--store", store);
            assertThat(subscribed.exit()).as("subscribe %s: %s", name, subscribed.text()).isZero();
            assertThat(subscribed.text()).contains(client(name) + " subscribed to " + store);
        }

        // when a campaign is published with the command (through shop-api) — whether promo has read the two
        // subscriptions yet or not: a subscriber who joins during a campaign is notified too — and ann unsubscribes
        Result published = promo("campaign", "--store", store, "--id", RUN + "cli-1", "--content", "two for one",
                "--minutes", "30");
        assertThat(published.exit()).as("campaign: %s", published.text()).isZero();
        await().atMost(NOTIFIED).until(() -> output.notifications().stream()
                .filter(n -> n.campaign().equals(RUN + "cli-1")).count() >= 2); // the fan-out, or a join after it
        output.catchUp();
        List<Notification> first = output.of(RUN + "cli-1");
        Result unsubscribed = promo("unsubscribe", "--client", client("cli-ann"), "--store", store);
        awaitSubscribers(store, 1);
        Result second = promo("campaign", "--store", store, "--id", RUN + "cli-2", "--content", "free dessert");

        // then both had the first campaign, with its text, and only ben the second
        assertThat(first).extracting(Notification::client).containsExactlyInAnyOrder(client("cli-ann"),
                client("cli-ben"));
        assertThat(first).extracting(n -> n.value().path("adv_campaign_content").asText()).containsOnly("two for one");
        assertThat(unsubscribed.exit()).as("unsubscribe: %s", unsubscribed.text()).isZero();
        assertThat(second.exit()).as("second campaign: %s", second.text()).isZero();
        assertThat(awaitNotifications("cli-2", 1)).extracting(Notification::client).containsExactly(client("cli-ben"));
    }

    /** How many partitions of promo's campaigns-by-store repartition topic each member of its group holds. */
    private List<Long> campaignPartitionsPerMember() throws Exception {
        String group = dev.bazaar.promo.PromoService.APPLICATION_ID;
        try (Admin admin = Admin.create(platform.client(Cluster.MAIN, "admin", new Properties()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .map(member -> member.assignment().topicPartitions().stream()
                            .filter(partition -> partition.topic().endsWith("campaigns-by-store-repartition")).count())
                    .toList();
        }
    }

    /** Subscribes {@code name} of this run to {@code store} as the shop's app does; when PostgreSQL committed it. */
    private Instant subscribe(String name, String store) throws Exception {
        try (Connection connection = shop.connect("PromoIT");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO subscribers_restaurants (client_id, restaurant_id) VALUES (?, ?)")) {
            insert.setString(1, client(name));
            insert.setString(2, store);
            insert.executeUpdate();
            return Instant.now();
        }
    }

    private void unsubscribe(String name, String store) throws Exception {
        try (Connection connection = shop.connect("PromoIT");
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM subscribers_restaurants WHERE client_id = ? AND restaurant_id = ?")) {
            delete.setString(1, client(name));
            delete.setString(2, store);
            assertThat(delete.executeUpdate()).as("rows of %s in %s", name, store).isPositive();
        }
    }

    /**
     * Waits until promo knows exactly {@code count} subscribers of {@code store}: probe campaigns of the store
     * until one fans out to {@code count} customers (CDC and promo keep each store's changes in order, and a
     * fan-out is one transaction, read whole).
     */
    private void awaitSubscribers(String store, int count) throws Exception {
        awaitSubscribersWithin(store, count, NOTIFIED);
    }

    private void awaitSubscribersWithin(String store, int count, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        for (int probe = 0; System.nanoTime() < deadline; probe++) {
            String id = "probe-" + store.substring(RUN.length()) + "-" + probe;
            publish(campaign(store, id, -5, 3));
            last = awaitFanOut(id).size();
            if (last == count) {
                return;
            }
        }
        throw new AssertionError("promo did not know " + count + " subscribers of " + store + " within " + within
                + " (the last probe reached " + last + ")");
    }

    /** Publishes a campaign of {@code store} and checks that exactly {@code count} are notified of it. */
    private void fence(String store, String id, int count) throws Exception {
        publish(campaign(store, id, -5, 600));
        awaitNotifications(id, count);
    }

    /** The notifications of campaign {@code id} once it fanned out (or an empty list if nobody subscribes). */
    private List<Notification> awaitFanOut(String id) {
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> !output.notifications().stream()
                    .filter(n -> n.campaign().equals(RUN + id)).toList().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException nobody) {
            return List.of();
        }
        output.catchUp();
        return output.of(RUN + id);
    }

    /**
     * The notifications of campaign {@code id} once the first is visible: a fan-out is one transaction, and
     * {@link PromoOutput#catchUp()} reads it whole, so a count above {@code count} is a notification too many.
     */
    private List<Notification> awaitNotifications(String id, int count) {
        await().atMost(NOTIFIED).until(() -> output.notifications().stream()
                .filter(n -> n.campaign().equals(RUN + id)).count() >= Math.min(1, count));
        output.catchUp();
        List<Notification> notified = output.of(RUN + id);
        assertThat(notified).as("notifications of %s", id).hasSize(count);
        return notified;
    }

    private void publish(ObjectNode campaign) throws Exception {
        campaigns.send(new ProducerRecord<>(Topics.PROMO_CAMPAIGNS, campaign.path("restaurant_id").asText(), campaign))
                .get(30, TimeUnit.SECONDS);
    }

    /** A campaign of {@code store} running from now + {@code startIn} to now + {@code endIn} seconds. */
    private static ObjectNode campaign(String store, String id, long startIn, long endIn) {
        long now = Instant.now().getEpochSecond();
        return JSON.createObjectNode()
                .put("restaurant_id", store)
                .put("adv_campaign_id", RUN + id)
                .put("adv_campaign_content", "first dish free for all new clients")
                .put("adv_campaign_owner", "Ivanov Ivan Ivanovich")
                .put("adv_campaign_owner_contact", "iiivanov@restaurant.example")
                .put("adv_campaign_datetime_start", now + startIn)
                .put("adv_campaign_datetime_end", now + endIn)
                .put("datetime_created", now);
    }

    private static String client(String name) {
        return RUN + name;
    }

    private int schemaId() throws Exception {
        return new dev.bazaar.common.RegistrySubjects(RegistryConnection.embedded(platform.layout(), RegistryUser.READONLY))
                .latest(Topics.PROMO_NOTIFICATIONS + "-value", "setup").id();
    }

    /** The promo CLI, run in this JVM against the platform: its exit code and what it printed. */
    private Result promo(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = PromoCli.commandLine();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        String[] withVar = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--var", platform.layout().root().toString())).toArray(String[]::new);
        int exit = cli.execute(withVar);
        return new Result(exit, text.toString());
    }

    private record Result(int exit, String text) {
    }

    private static PrintStream quiet() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }
}
