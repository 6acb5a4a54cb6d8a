package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bazaar.connectors.sink.FakeSinkTaskContext;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JDBC sink task against the platform's real PostgreSQL, started by the launcher's code, as the
 * product-events sink uses it: 16-byte keys, the event's JSON bytes, the kind in a header, the
 * column mapping of {@code setup/connectors/product-events-sink.json}, and a role that may only
 * INSERT. The table is this run's own, made {@code LIKE} the migration's {@code product_events}
 * (the contract's definition when no migration made it), in schema {@code sink_it}, so the build's
 * shared platform keeps nobody else's rows and the role grants of {@code setup/postgres.yaml} stay
 * untouched.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcSinkIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String SCHEMA = "sink_it";
    private static final String TABLE = SCHEMA + ".product_events_" + RUN;
    private static final String ROLE = "sink_it_" + RUN;
    private static final String ROLE_PASSWORD = UUID.randomUUID().toString();
    private static final String CONTRACT_TABLE = """
            CREATE TABLE %s (
                event_key bytea PRIMARY KEY, id bigint GENERATED ALWAYS AS IDENTITY UNIQUE, kind text NOT NULL,
                event_name text NOT NULL, event_datetime timestamptz NOT NULL, user_id text, product_id text, sid text,
                received_at timestamptz NOT NULL, event jsonb NOT NULL, stored_at timestamptz NOT NULL DEFAULT now())""";

    private static PostgresServer postgres;

    @BeforeAll
    static void createTheTableAndARoleThatMayOnlyInsert(Running platform) throws SQLException {
        postgres = platform.platform().postgres();
        try (Connection admin = postgres.connect(PostgresServer.DATABASE); Statement sql = admin.createStatement()) {
            boolean migrated = exists(admin, "public.product_events");
            sql.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            sql.execute(migrated ? "CREATE TABLE " + TABLE + " (LIKE public.product_events INCLUDING ALL)"
                    : CONTRACT_TABLE.formatted(TABLE));
            sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
            sql.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + ROLE);
            sql.execute("GRANT INSERT ON " + TABLE + " TO " + ROLE);
            System.out.printf("jdbc-sink: table %s made %s%n", TABLE, migrated ? "LIKE the migration's product_events"
                    : "from the contract (no migration ran)");
        }
    }

    @AfterAll
    static void dropThem() throws SQLException {
        try (Connection admin = postgres.connect(PostgresServer.DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS " + TABLE);
            sql.execute("DROP OWNED BY " + ROLE);
            sql.execute("DROP ROLE IF EXISTS " + ROLE);
        }
    }

    @Test
    @Order(1)
    void redeliveredRecordsNeverMakeASecondRow() throws Exception {
        // given a task writing 300 events, 100 of them delivered a second time and 50 twice within one put
        JdbcSinkTask task = started(new FakeSinkTaskContext(true), Map.of());
        String sid = RUN + "-redeliver-";
        List<SinkRecord> events = IntStream.range(0, 300).mapToObj(n -> viewEvent(sid, n)).toList();

        // when
        try {
            task.put(events.subList(0, 100));
            task.put(events.subList(100, 200));
            task.put(events.subList(50, 150));
            List<SinkRecord> twice = new ArrayList<>(events.subList(200, 300));
            twice.addAll(events.subList(250, 300));
            task.put(twice);

            // then there is one row per event, and the task counted 300 inserted and 150 skipped
            assertThat(count(sid)).as("rows").isEqualTo(300);
            assertThat(task.counters().inserted()).as("inserted").isEqualTo(300);
            assertThat(task.counters().duplicates()).as("skipped as already there").isEqualTo(150);
        } finally {
            task.stop();
        }

        // and a row holds the event's key, kind, typed fields, receive time and the event as posted
        try (Connection admin = postgres.connect(PostgresServer.DATABASE);
             PreparedStatement query = admin.prepareStatement("SELECT event_key, kind, event_name, event_datetime, "
                     + "user_id, product_id, received_at, event = ?::jsonb FROM " + TABLE + " WHERE sid = ?")) {
            query.setString(1, new String((byte[]) events.get(7).value(), StandardCharsets.UTF_8));
            query.setString(2, sid + 7);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("row of event 7").isTrue();
                assertThat(row.getBytes(1)).as("event_key").isEqualTo(events.get(7).key());
                assertThat(row.getString(2)).as("kind").isEqualTo("view-event");
                assertThat(row.getString(3)).as("event_name").isEqualTo("app_list");
                assertThat(row.getObject(4, java.time.OffsetDateTime.class).toInstant()).as("event_datetime")
                        .isEqualTo(Instant.parse("2026-12-06T10:00:00.123456Z"));
                assertThat(row.getString(5)).as("user_id").isEqualTo("u-7");
                assertThat(row.getString(6)).as("product_id: an empty string is a value").isEmpty();
                assertThat(row.getObject(7, java.time.OffsetDateTime.class).toInstant()).as("received_at")
                        .isEqualTo(Instant.ofEpochMilli(events.get(7).timestamp()));
                assertThat(row.getBoolean(8)).as("event equals the JSON posted").isTrue();
            }
        }
    }

    @Test
    @Order(2)
    void recordsThatCannotBeRowsGoToTheReporterAndTheRestAreWritten() throws Exception {
        // given 20 events of which four are bad: two the task sees (no event_name, a date without offset) and
        // two only PostgreSQL refuses (\u0000 inside the jsonb, a year PostgreSQL cannot hold)
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        JdbcSinkTask task = started(context, Map.of());
        String sid = RUN + "-bad-";
        List<SinkRecord> records = new ArrayList<>(IntStream.range(0, 20).mapToObj(n -> viewEvent(sid, n)).toList());
        records.set(3, withValue(records.get(3), "{\"event_datetime\":\"2026-12-06T10:00:00Z\",\"sid\":\"" + sid + "3\"}"));
        records.set(8, withValue(records.get(8), "{\"event_name\":\"e\",\"event_datetime\":\"2026-12-06 10:00:00\"}"));
        records.set(12, withValue(records.get(12), "{\"event_name\":\"e\",\"event_datetime\":\"2026-12-06T10:00:00Z\","
                + "\"sid\":\"" + sid + "12\",\"note\":\"a\\u0000b\"}"));
        records.set(17, withValue(records.get(17), "{\"event_name\":\"e\",\"event_datetime\":\"+300000-01-01T00:00:00Z\","
                + "\"sid\":\"" + sid + "17\"}"));

        // when
        try {
            task.put(records);
        } finally {
            task.stop();
        }

        // then the four went to the reporter with the reason, and the other 16 are rows
        assertThat(context.reported).extracting(r -> r.record().kafkaOffset()).as("reported offsets")
                .containsExactlyInAnyOrder(3L, 8L, 12L, 17L);
        assertThat(context.reported).extracting(r -> r.error().getMessage()).as("reasons").anySatisfy(reason ->
                assertThat(reason).contains("product-events-0@3", "column event_name", "NOT NULL"))
                .anySatisfy(reason -> assertThat(reason).contains("column event_datetime", "ISO-8601"))
                .anySatisfy(reason -> assertThat(reason).contains("product-events-0@12", "PostgreSQL refused the row",
                        "SQLSTATE 22P05"))
                .anySatisfy(reason -> assertThat(reason).contains("product-events-0@17", "PostgreSQL refused the row",
                        "SQLSTATE 22"));
        assertThat(count(sid)).as("rows").isEqualTo(16);
    }

    @Test
    @Order(3)
    void aMappingTheTableDoesNotFitOrARoleThatMayNotInsertFailsAtStartNamingTheKey() {
        JdbcSinkTask task = new JdbcSinkTask();
        task.initialize(new FakeSinkTaskContext(true));

        assertThatThrownBy(() -> task.start(config(Map.of(JdbcSinkConfig.COLUMNS,
                JdbcTestConfigs.PRODUCT_EVENTS_COLUMNS + ", platform=platform"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(JdbcSinkConfig.COLUMNS)
                .hasMessageContaining("has no column platform");
        assertThatThrownBy(() -> task.start(config(Map.of(JdbcSinkConfig.TABLE, SCHEMA + ".no_such_table"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(JdbcSinkConfig.TABLE)
                .hasMessageContaining("no such table");
        assertThatThrownBy(() -> task.start(config(Map.of(JdbcSinkConfig.CONNECTION_USER, PostgresServer.ADMIN,
                JdbcSinkConfig.CONNECTION_PASSWORD, "wrong"))))
                .hasMessageContaining("SQLSTATE 28P01");
    }

    @Test
    @Order(4)
    void postgresStoppedAndStartedMidStreamLosesAndDoublesNothing(Running platform) throws Exception {
        // given a task putting 20 events every 5 ms, retrying a lost database for about a minute (60 retries,
        // backoff ceiling 2 s): longer than the launcher takes to stop and start PostgreSQL
        AtomicInteger backoffs = new AtomicInteger();
        JdbcSinkTask task = new JdbcSinkTask(ConnectionFactory::of, duration -> {
            backoffs.incrementAndGet();
            Thread.sleep(duration);
        }, System::nanoTime);
        task.initialize(new FakeSinkTaskContext(true));
        task.start(config(Map.of(JdbcSinkConfig.MAX_RETRIES, "60", JdbcSinkConfig.RETRY_BACKOFF_MS, "200",
                JdbcSinkConfig.RETRY_BACKOFF_MAX_MS, "2000", JdbcSinkConfig.CONNECTION_TIMEOUT_MS, "2000")));
        String sid = RUN + "-restart-";
        AtomicInteger puts = new AtomicInteger();
        AtomicBoolean enough = new AtomicBoolean();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            while (!enough.get()) {
                int put = puts.get();
                task.put(IntStream.range(put * 20, put * 20 + 20).mapToObj(n -> viewEvent(sid, n)).toList());
                puts.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        });

        // when PostgreSQL is stopped once 5 puts are in, and started again once the task has backed off
        await().atMost(DEADLINE).until(() -> puts.get() >= 5 || writing.isDone());
        long stoppedAt = System.nanoTime();
        platform.platform().stop(PostgresServer.COMPONENT);
        long stopReturnedAt = System.nanoTime();
        List<ComponentStatus> started;
        try {
            await().atMost(DEADLINE).until(() -> backoffs.get() > 0 || writing.isDone());
        } finally {
            // started again whatever happened: later tests and modules use the same PostgreSQL
            started = platform.platform().start(PostgresServer.COMPONENT, System.out);
        }
        System.out.printf("jdbc-sink: PostgreSQL stop took %.1f s, start %.1f s%n", (stopReturnedAt - stoppedAt) / 1e9,
                (System.nanoTime() - stopReturnedAt) / 1e9);
        int putsAtStart = puts.get();
        await().atMost(DEADLINE).until(() -> puts.get() >= putsAtStart + 5 || writing.isDone());
        enough.set(true);
        writing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("jdbc-sink: %d events written across a PostgreSQL stop and start (%.1f s, %d backoffs)%n",
                puts.get() * 20, (System.nanoTime() - stoppedAt) / 1e9, backoffs.get());

        // and everything is delivered once more, as Connect would after a crash
        try {
            for (int put = 0; put < puts.get(); put++) {
                task.put(IntStream.range(put * 20, put * 20 + 20).mapToObj(n -> viewEvent(sid, n)).toList());
            }
        } finally {
            task.stop();
        }

        // then the task met the outage, and there is exactly one row per event
        assertThat(started).filteredOn(s -> s.component().equals(PostgresServer.COMPONENT))
                .extracting(ComponentStatus::state).as("PostgreSQL after start").containsExactly(ComponentStatus.State.HEALTHY);
        assertThat(backoffs.get()).as("backoffs while PostgreSQL was down").isPositive();
        assertThat(count(sid)).as("rows").isEqualTo(puts.get() * 20L);
        // each event counted once as inserted or skipped, and once more as skipped by the redelivery: a batch
        // whose commit reached PostgreSQL while the connection died before the answer is skipped when retried
        long events = puts.get() * 20L;
        assertThat(task.counters().inserted() + task.counters().duplicates()).as("inserted + skipped").isEqualTo(2 * events);
        assertThat(task.counters().inserted()).as("inserted").isBetween(events - 20, events);
    }

    private static JdbcSinkTask started(FakeSinkTaskContext context, Map<String, String> overrides) {
        JdbcSinkTask task = new JdbcSinkTask();
        task.initialize(context);
        task.start(config(overrides));
        return task;
    }

    /** The product-events sink's settings, on this run's table as this run's role. */
    private static Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(JdbcTestConfigs.config(
                JdbcSinkConfig.CONNECTION_URL, postgres.jdbcUrl(PostgresServer.DATABASE),
                JdbcSinkConfig.CONNECTION_USER, ROLE,
                JdbcSinkConfig.CONNECTION_PASSWORD, ROLE_PASSWORD,
                JdbcSinkConfig.TABLE, TABLE,
                JdbcSinkConfig.BATCH_SIZE, "100",
                JdbcSinkConfig.RETRY_BACKOFF_MS, "50"));
        props.putAll(overrides);
        return props;
    }

    /** Event {@code n}: a view-event with the sid {@code sid + n}, its key the hash of that, keyed as events-api keys. */
    private static SinkRecord viewEvent(String sid, int n) {
        String json = "{\"platform\":\"androidtv\",\"event_name\":\"app_list\",\"event_datetime\":"
                + "\"2026-12-06T10:00:00.123456Z\",\"userId\":\"u-" + n + "\",\"content_id\":\"\",\"sid\":\"" + sid + n
                + "\",\"is_mobile\":false,\"profile_age\":-1}";
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("event-kind", "view-event");
        return new SinkRecord("product-events", 0, Schema.BYTES_SCHEMA, key(sid + n), Schema.OPTIONAL_BYTES_SCHEMA,
                json.getBytes(StandardCharsets.UTF_8), n, 1_765_015_200_000L + n, TimestampType.CREATE_TIME, headers);
    }

    private static SinkRecord withValue(SinkRecord record, String json) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), json.getBytes(StandardCharsets.UTF_8), record.timestamp(), record.headers());
    }

    private static byte[] key(String text) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sidPrefix) throws SQLException {
        try (Connection admin = postgres.connect(PostgresServer.DATABASE);
             PreparedStatement query = admin.prepareStatement("SELECT count(*), count(DISTINCT sid) FROM " + TABLE
                     + " WHERE starts_with(sid, ?)")) {
            query.setString(1, sidPrefix);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(2)).as("distinct events among the rows").isEqualTo(rows.getLong(1));
                return rows.getLong(1);
            }
        }
    }

    private static boolean exists(Connection admin, String table) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
