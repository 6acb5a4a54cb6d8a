package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.Secrets;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Progress;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.postgres.ExternalPostgres;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresMigrations;
import dev.bazaar.platform.postgres.PostgresRoles;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.platform.postgres.PostgresTarget;
import dev.bazaar.setup.PostgresRoleSpec;
import dev.bazaar.setup.PostgresSpec;
import dev.bazaar.ssl.CertificateStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's PostgreSQL as a client no one here wrote sees it — Debian's {@code psql} — with the
 * URL {@code bazaar postgres url} prints: TLS verified against the platform CA, SCRAM, logical WAL;
 * refused without TLS, with a wrong password, and to a client that trusts another CA than the platform's.
 * The start ran the migrations of {@code setup/postgres/migrations/} and gave each role of
 * {@code setup/postgres.yaml} exactly its grants; the same start against the server as an external one
 * changes nothing. One server, the platform's, for all of it.
 */
@ExtendWith(EmbeddedPlatform.class)
class PostgresIT {

    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void psqlLogsInOverVerifiedTlsAndTheServerKeepsLogicalWal(Running platform) throws Exception {
        // given the URL of the superuser role
        PostgresServer postgres = platform.platform().postgres();
        String url = postgres.libpqUrl(PostgresServer.ADMIN, postgres.adminPassword(), PostgresServer.DATABASE);

        // when psql runs a query with it
        Psql answer = psql(url, "SELECT current_user, current_database(), s.ssl, s.version FROM pg_stat_ssl s "
                + "WHERE s.pid = pg_backend_pid(); SHOW wal_level; SHOW password_encryption");

        // then it is the role on the platform's database over TLS, and WAL is logical from the start
        assertThat(answer.exit()).as("psql exit, output: %s", answer.output()).isZero();
        assertThat(answer.output().lines().toList()).as("psql output").startsWith(
                "bazaar|bazaar|t|TLSv1.3", "logical", "scram-sha-256");
    }

    @Test
    void withoutTlsWithAWrongPasswordOrWithoutThePlatformCaNoOneGetsIn(Running platform, @TempDir Path other)
            throws Exception {
        PostgresServer postgres = platform.platform().postgres();
        String base = "postgresql://bazaar:" + postgres.adminPassword() + "@127.0.0.1:" + postgres.port() + "/bazaar";
        CertificateStore otherCa = new CertificateStore(other, "a".toCharArray(), "b".toCharArray(), "c".toCharArray());
        otherCa.ensureAuthority();

        // when a client connects without TLS, with a wrong password, and trusting another CA than the platform's
        Psql plain = psql(base + "?sslmode=disable", "SELECT 1");
        Psql wrong = psql("postgresql://bazaar:not-the-password@127.0.0.1:" + postgres.port() + "/bazaar?sslmode=require",
                "SELECT 1");
        Psql untrusted = psql(base + "?sslmode=verify-full&sslrootcert=" + otherCa.caPem(), "SELECT 1");

        // then each is refused, saying why
        assertThat(plain.exit()).as("without TLS: %s", plain.output()).isNotZero();
        assertThat(plain.output()).contains("no pg_hba.conf entry", "no encryption");
        assertThat(wrong.exit()).as("wrong password: %s", wrong.output()).isNotZero();
        assertThat(wrong.output()).contains("password authentication failed for user \"bazaar\"");
        assertThat(untrusted.exit()).as("without the platform CA: %s", untrusted.output()).isNotZero();
        assertThat(untrusted.output()).contains("certificate verify failed");
    }

    @Test
    void aRowWrittenBeforeStopIsThereAfterStart(Running platform) throws Exception {
        // given a row in a table of this run's own
        PostgresServer postgres = platform.platform().postgres();
        String url = postgres.libpqUrl(PostgresServer.ADMIN, postgres.adminPassword(), PostgresServer.DATABASE);
        String table = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        assertThat(psql(url, "CREATE TABLE " + table + " (x int); INSERT INTO " + table + " VALUES (42)").exit())
                .as("create").isZero();

        // when PostgreSQL is stopped and started again
        platform.platform().stop(PostgresServer.COMPONENT);
        assertThat(postgres.process().running()).as("after stop").isEmpty();
        List<ComponentStatus> statuses = platform.platform().start(PostgresServer.COMPONENT, System.out);

        // then it is healthy and the row is still there
        assertThat(statuses).filteredOn(s -> s.component().equals(PostgresServer.COMPONENT))
                .extracting(ComponentStatus::state).containsExactly(ComponentStatus.State.HEALTHY);
        Psql read = psql(url, "SELECT x FROM " + table + "; DROP TABLE " + table);
        assertThat(read.output().lines().findFirst()).as("row after restart: %s", read.output()).hasValue("42");
    }

    @Test
    void theStartMigratedTheSchemaAndOffersTheJdbcEndpoint(Running platform) throws Exception {
        // given
        PostgresComponent postgres = component(platform);

        // when the admin looks at what Flyway recorded
        Psql answer = psql(postgres.target().libpqUrl(PostgresServer.ADMIN, postgres.password(PostgresServer.ADMIN)),
                "SELECT to_regclass('public.product_events') IS NOT NULL, "
                        + "to_regclass('public.product_events_productevent') IS NOT NULL, "
                        + "(SELECT string_agg(script, ',' ORDER BY installed_rank) FROM flyway_schema_history WHERE success); "
                        + "SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || contype::text, ',' ORDER BY conname) "
                        + "FROM pg_constraint WHERE conrelid IN ('subscribers_restaurants'::regclass, "
                        + "'subscribers_feedback'::regclass); "
                        + "SELECT pg_get_indexdef('subscribers_restaurants_restaurant_client_idx'::regclass)");

        // then the tables and the view exist, made by V1 and V2, with the earlier system's constraint names
        // and the unique notification per campaign and customer, and connectors find the JDBC URL
        assertThat(answer.output().lines().toList()).as("psql: %s", answer.output()).startsWith(
                "t|t|V1__product_events.sql,V2__promo.sql",
                "subscribers_feedback id_pk p,subscribers_restaurants pk_id p,"
                        + "subscribers_feedback subscribers_feedback_campaign_client_key u",
                "CREATE INDEX subscribers_restaurants_restaurant_client_idx ON public.subscribers_restaurants "
                        + "USING btree (restaurant_id, client_id)");
        assertThat(platform.platform().endpoints().serviceUrls()).as("endpoints").containsEntry("postgres-jdbc",
                "jdbc:postgresql://127.0.0.1:" + postgres.server().port() + "/bazaar?sslmode=verify-full&sslrootcert="
                        + platform.layout().caPem());
    }

    @Test
    void theSinksRoleOnlyInsertsAndTheReaderOnlyReads(Running platform) throws Exception {
        // given the URLs bazaar postgres url --role connect|reader prints, and an event of this run
        PostgresComponent postgres = component(platform);
        String admin = url(postgres, PostgresServer.ADMIN);
        String connect = url(postgres, "connect");
        String reader = url(postgres, "reader");
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String hex = HexFormat.of().formatHex(key);
        String insert = "INSERT INTO product_events (event_key, kind, event_name, event_datetime, user_id, product_id, "
                + "sid, received_at, event) VALUES ('\\x" + hex + "', 'product_events', 'app_list', "
                + "'2025-04-10T12:34:56Z', 'abc123def456', 'prod-001', 'session-123', '2025-04-10T12:34:59.123Z', "
                + "'{\"event_date\": \"2025-04-10\", \"price\": 499, \"event_receive_timestamp\": 1744287299, "
                + "\"platform\": \"android\"}') ON CONFLICT DO NOTHING";
        try {
            // when the sink's role inserts the event twice, and tries what it must not
            Psql first = psql(connect, insert);
            Psql again = psql(connect, insert);
            Psql targeted = psql(connect, insert.replace("ON CONFLICT", "ON CONFLICT (event_key)"));
            Psql select = psql(connect, "SELECT count(*) FROM product_events");
            Psql update = psql(connect, "UPDATE product_events SET sid = 'x' WHERE event_key = '\\x" + hex + "'");
            Psql delete = psql(connect, "DELETE FROM product_events WHERE event_key = '\\x" + hex + "'");
            Psql create = psql(connect, "CREATE TABLE it_connect_owns (x int)");

            // then one row, and each of the others is refused
            assertThat(first.output()).as("first insert: %s", first.output()).contains("INSERT 0 1");
            assertThat(again.output()).as("redelivered insert: %s", again.output()).contains("INSERT 0 0");
            // naming the conflict target reads event_key, which needs SELECT: the sink must not name it
            assertThat(targeted.output()).as("ON CONFLICT (event_key)").contains("permission denied for table product_events");
            assertThat(select.output()).as("connect SELECT").contains("permission denied for table product_events");
            assertThat(update.output()).as("connect UPDATE").contains("permission denied for table product_events");
            assertThat(delete.output()).as("connect DELETE").contains("permission denied for table product_events");
            assertThat(create.output()).as("connect CREATE TABLE").contains("permission denied for schema public");

            // when the reader reads, through the Django system's view too, and tries to write
            Psql read = psql(reader, "SELECT client_id, price, event_receive_timestamp, event_date, platform "
                    + "FROM product_events_productevent WHERE id = (SELECT id FROM product_events WHERE event_key = '\\x"
                    + hex + "')");
            Psql write = psql(reader, insert.replace(hex, hex.replace('0', '1').replace('a', 'b')));

            // then it sees the row with the earlier columns typed, and may not insert
            assertThat(read.output().lines().toList()).as("reader: %s", read.output())
                    .containsExactly("abc123def456|499|1744287299|2025-04-10|android");
            assertThat(write.output()).as("reader INSERT").contains("permission denied for table product_events");
            assertThat(List.of(targeted, select, update, delete, create, write)).allSatisfy(refused ->
                    assertThat(refused.exit()).as("exit of a refused statement").isNotZero());
        } finally {
            assertThat(psql(admin, "DELETE FROM product_events WHERE event_key = '\\x" + hex + "'").exit())
                    .as("clean up").isZero();
        }
    }

    @Test
    void theCdcRoleReplicatesLogicallyAndReadsOnlyTheSubscribers(Running platform) throws Exception {
        // given the URL of Debezium's role, as a logical replication connection too
        PostgresComponent postgres = component(platform);
        String cdc = url(postgres, "cdc");
        String slot = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        // when it opens a logical replication connection, creates a slot there as the connector does, and queries
        Psql identify = psql(cdc + "&replication=database", "IDENTIFY_SYSTEM");
        Psql created = psql(cdc + "&replication=database", "CREATE_REPLICATION_SLOT " + slot + " TEMPORARY LOGICAL pgoutput");
        Psql subscribers = psql(cdc, "SELECT count(*) >= 0 FROM subscribers_restaurants");
        Psql events = psql(cdc, "SELECT count(*) FROM product_events");
        Psql feedback = psql(cdc, "SELECT count(*) FROM subscribers_feedback");
        Psql insert = psql(cdc, "INSERT INTO subscribers_restaurants (client_id, restaurant_id) VALUES ('x', 'y')");
        Psql publication = psql(cdc, "CREATE PUBLICATION " + slot + " FOR TABLE subscribers_restaurants");

        // then it replicates on the platform's database and reads the captured table, and nothing else
        assertThat(identify.exit()).as("IDENTIFY_SYSTEM exit: %s", identify.output()).isZero();
        assertThat(identify.output().strip()).as("IDENTIFY_SYSTEM: systemid|timeline|xlogpos|dbname").endsWith("|bazaar");
        assertThat(created.output()).as("CREATE_REPLICATION_SLOT: %s", created.output()).startsWith(slot + "|")
                .contains("|pgoutput");
        assertThat(subscribers.output().strip()).as("cdc SELECT subscribers_restaurants: %s", subscribers.output())
                .isEqualTo("t");
        assertThat(events.output()).as("cdc SELECT product_events").contains("permission denied for table product_events");
        assertThat(feedback.output()).as("cdc SELECT subscribers_feedback")
                .contains("permission denied for table subscribers_feedback");
        assertThat(insert.output()).as("cdc INSERT").contains("permission denied for table subscribers_restaurants");
        assertThat(publication.output()).as("cdc CREATE PUBLICATION").contains("permission denied for database bazaar");
        assertThat(List.of(events, feedback, insert, publication)).allSatisfy(refused ->
                assertThat(refused.exit()).as("exit of a refused statement").isNotZero());
    }

    @Test
    void aRoleWithoutReplicationGetsNoReplicationConnection(Running platform) throws Exception {
        // given the reader's URL
        String reader = url(component(platform), "reader");

        // when it asks for a logical and for a physical replication connection
        Psql logical = psql(reader + "&replication=database", "IDENTIFY_SYSTEM");
        Psql physical = psql(reader + "&replication=true", "IDENTIFY_SYSTEM");

        // then the server refuses the first (no REPLICATION attribute), pg_hba.conf the second
        assertThat(logical.exit()).as("logical: %s", logical.output()).isNotZero();
        assertThat(logical.output()).as("logical").contains("permission denied to start WAL sender");
        assertThat(physical.exit()).as("physical: %s", physical.output()).isNotZero();
        assertThat(physical.output()).as("physical")
                .contains("no pg_hba.conf entry for replication connection from host \"127.0.0.1\", user \"reader\"");
    }

    @Test
    void aRoleThatLosesTheReplicationFlagLosesReplicationAtTheNextStart(Running platform) throws Exception {
        // given the file with cdc's flag removed
        PostgresComponent postgres = component(platform);
        PostgresSpec shipped = PostgresSpec.load();
        PostgresSpec withoutFlag = new PostgresSpec(shipped.roles().stream().map(role -> new PostgresRoleSpec(role.name(),
                role.job(), false, role.grants())).toList());
        Secrets secrets = platform.layout().secrets();
        String cdc = url(postgres, "cdc");
        try {
            // when the roles and pg_hba.conf are applied as a start does
            boolean reloaded = postgres.server().updateAccess(withoutFlag.replicationRoles(), RELOAD_TIMEOUT);
            List<String> lines = new PostgresRoles(withoutFlag, secrets).apply(postgres.target());

            // then cdc may replicate neither logically nor physically, and still logs in
            assertThat(reloaded).as("pg_hba.conf changed").isTrue();
            assertThat(lines).as("what the start said").contains("cdc: set NOREPLICATION");
            assertThat(psql(cdc + "&replication=database", "IDENTIFY_SYSTEM").output()).as("logical")
                    .contains("permission denied to start WAL sender");
            assertThat(psql(cdc + "&replication=true", "IDENTIFY_SYSTEM").output()).as("physical")
                    .contains("no pg_hba.conf entry for replication connection");
            assertThat(psql(cdc, "SELECT 1").output().strip()).as("cdc logs in").isEqualTo("1");
        } finally {
            // and the shipped file gives it back
            assertThat(postgres.server().updateAccess(shipped.replicationRoles(), RELOAD_TIMEOUT)).as("restored").isTrue();
            assertThat(new PostgresRoles(shipped, secrets).apply(postgres.target())).as("restored roles")
                    .contains("cdc: set REPLICATION");
        }
        assertThat(psql(cdc + "&replication=database", "IDENTIFY_SYSTEM").exit()).as("logical again").isZero();
    }

    @Test
    void theShopRoleSubscribesAndUnsubscribesACustomer(Running platform) throws Exception {
        // given the shop's URL and a customer of this run
        PostgresComponent postgres = component(platform);
        String shop = url(postgres, "shop");
        String client = "it-" + UUID.randomUUID();
        try {
            // when it subscribes the customer to two stores, unsubscribes one, and tries what it must not
            Psql subscribe = psql(shop, "INSERT INTO subscribers_restaurants (client_id, restaurant_id) VALUES ('" + client
                    + "', 'store-a'), ('" + client + "', 'store-b')");
            Psql unsubscribe = psql(shop, "DELETE FROM subscribers_restaurants WHERE client_id = '" + client
                    + "' AND restaurant_id = 'store-a'");
            Psql left = psql(shop, "SELECT restaurant_id FROM subscribers_restaurants WHERE client_id = '" + client + "'");
            Psql update = psql(shop, "UPDATE subscribers_restaurants SET restaurant_id = 'x' WHERE client_id = '" + client + "'");
            Psql feedback = psql(shop, "SELECT count(*) FROM subscribers_feedback");

            // then
            assertThat(subscribe.output()).as("subscribe: %s", subscribe.output()).contains("INSERT 0 2");
            assertThat(unsubscribe.output()).as("unsubscribe: %s", unsubscribe.output()).contains("DELETE 1");
            assertThat(left.output().lines().toList()).as("subscriptions left").containsExactly("store-b");
            assertThat(update.output()).as("shop UPDATE").contains("permission denied for table subscribers_restaurants");
            assertThat(feedback.output()).as("shop SELECT feedback").contains("permission denied for table subscribers_feedback");
        } finally {
            assertThat(psql(url(postgres, PostgresServer.ADMIN), "DELETE FROM subscribers_restaurants WHERE client_id = '"
                    + client + "'").exit()).as("clean up").isZero();
        }
    }

    @Test
    void theSinkStoresANotificationOnceAndPromoOnlyRecordsTheAnswer(Running platform) throws Exception {
        // given a notification of this run, as the JDBC sink promo-feedback-sink writes it
        PostgresComponent postgres = component(platform);
        String connect = url(postgres, "connect");
        String promo = url(postgres, "promo");
        String campaign = "it-" + UUID.randomUUID();
        String insert = "INSERT INTO subscribers_feedback (restaurant_id, adv_campaign_id, adv_campaign_content, "
                + "adv_campaign_owner, adv_campaign_owner_contact, adv_campaign_datetime_start, adv_campaign_datetime_end, "
                + "datetime_created, client_id, trigger_datetime_created) VALUES ('store-a', '" + campaign + "', "
                + "'70 % off until 14:00', 'Ivan', 'ivan@example.com', 1744200000, 1744300000, 1744100000, 'client-1', "
                + "1744250000) ON CONFLICT DO NOTHING";
        String where = " WHERE adv_campaign_id = '" + campaign + "' AND client_id = 'client-1'";
        try {
            // when the sink writes it, promo records the answer, and the sink gets the notification again
            Psql first = psql(connect, insert);
            Psql answer = psql(promo, "UPDATE subscribers_feedback SET feedback = 'interesting'" + where);
            Psql again = psql(connect, insert);
            Psql promoInsert = psql(promo, insert.replace("client-1", "client-2"));
            Psql connectRead = psql(connect, "SELECT feedback FROM subscribers_feedback" + where);

            // then one row, whose answer the redelivery did not overwrite, and neither role does the other's job
            assertThat(first.output()).as("first insert: %s", first.output()).contains("INSERT 0 1");
            assertThat(answer.output()).as("promo UPDATE: %s", answer.output()).contains("UPDATE 1");
            assertThat(again.output()).as("redelivered insert: %s", again.output()).contains("INSERT 0 0");
            assertThat(promoInsert.output()).as("promo INSERT").contains("permission denied for table subscribers_feedback");
            assertThat(connectRead.output()).as("connect SELECT").contains("permission denied for table subscribers_feedback");
            assertThat(psql(url(postgres, "reader"), "SELECT count(*), min(feedback) FROM subscribers_feedback" + where)
                    .output().strip()).as("rows and feedback, as the reader sees them").isEqualTo("1|interesting");
        } finally {
            assertThat(psql(url(postgres, PostgresServer.ADMIN), "DELETE FROM subscribers_feedback WHERE adv_campaign_id = '"
                    + campaign + "'").exit()).as("clean up").isZero();
        }
    }

    @Test
    void thePublicationCoversExactlyTheSubscribers(Running platform) throws Exception {
        // when the admin looks at the publication Debezium's connector streams
        Psql answer = psql(url(component(platform), PostgresServer.ADMIN),
                "SELECT puballtables, pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication "
                        + "WHERE pubname = 'promo_subscribers'; "
                        + "SELECT string_agg(schemaname || '.' || tablename, ',') FROM pg_publication_tables "
                        + "WHERE pubname = 'promo_subscribers'; "
                        + "SELECT relreplident FROM pg_class WHERE oid = 'subscribers_restaurants'::regclass");

        // then it publishes every change of subscribers_restaurants and of no other table, keyed by the primary key
        assertThat(answer.output().lines().toList()).as("psql: %s", answer.output())
                .containsExactly("f|t|t|t|t", "public.subscribers_restaurants", "d");
    }

    @Test
    void aRoleIsRefusedWithAWrongPasswordOrWithoutTls(Running platform) throws Exception {
        PostgresComponent postgres = component(platform);
        int port = postgres.server().port();

        // when the reader's role connects with another password, and with its own but without TLS
        Psql wrong = psql("postgresql://reader:not-its-password@127.0.0.1:" + port + "/bazaar?sslmode=require", "SELECT 1");
        Psql plain = psql("postgresql://reader:" + postgres.password("reader") + "@127.0.0.1:" + port
                + "/bazaar?sslmode=disable", "SELECT 1");

        // then both are refused
        assertThat(wrong.exit()).as("wrong password: %s", wrong.output()).isNotZero();
        assertThat(wrong.output()).contains("password authentication failed for user \"reader\"");
        assertThat(plain.exit()).as("without TLS: %s", plain.output()).isNotZero();
        assertThat(plain.output()).contains("no pg_hba.conf entry", "no encryption");
    }

    @Test
    void applyingTheRolesAgainRevokesWhatWasAddedByHandAndSetsAChangedPassword(Running platform) throws Exception {
        // given a grant the file does not make, and a new password in the reader's secret
        PostgresComponent postgres = component(platform);
        String admin = url(postgres, PostgresServer.ADMIN);
        assertThat(psql(admin, "GRANT DELETE ON product_events TO reader").exit()).as("grant by hand").isZero();
        Secrets secrets = platform.layout().secrets();
        Path secret = secrets.file("postgres-reader");
        String before = Files.readString(secret);
        Files.writeString(secret, "changed-" + UUID.randomUUID().toString().replace("-", ""));
        try {
            // when the roles are applied again, as every start does
            List<String> lines = new PostgresRoles(PostgresSpec.load(), secrets).apply(postgres.target());

            // then the grant is gone, the new password logs in, and the rest is unchanged
            assertThat(lines).as("what the start said").contains("connect: unchanged", "connect grants: unchanged",
                    "reader: password set from var/secrets/postgres-reader.password",
                    "reader grants: revoked DELETE on product_events");
            Psql delete = psql(url(postgres, "reader"), "DELETE FROM product_events WHERE false");
            assertThat(delete.output()).as("reader DELETE").contains("permission denied for table product_events");
        } finally {
            Files.writeString(secret, before);
            new PostgresRoles(PostgresSpec.load(), secrets).apply(postgres.target());
        }
    }

    @Test
    void theSameServerAsAnExternalOneStartsNoProcessAndChangesNothing(Running platform) throws Exception {
        // given the platform's server named as an external one, by the variables a user would set
        PostgresComponent embedded = component(platform);
        PostgresTarget target = embedded.target();
        Map<String, String> env = Map.of(ExternalPostgres.URL, target.jdbcUrl(), ExternalPostgres.USER, PostgresServer.ADMIN,
                ExternalPostgres.PASSWORD, embedded.password(PostgresServer.ADMIN));
        PostgresComponent external = new PostgresComponent(embedded.server(), ExternalPostgres.fromEnv(env),
                platform.layout().secrets());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when it starts
        boolean started = external.up(new StartContext(Map.of(), new Progress(new PrintStream(printed, true,
                StandardCharsets.UTF_8)), Duration.ofSeconds(30), List.of()));

        // then it started nothing, the schema was current and the roles unchanged
        assertThat(started).as("started a process").isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("what up printed").contains("schema current at version 2",
                "connect: unchanged", "reader grants: unchanged");
        assertThat(external.endpoints()).containsEntry("postgres-jdbc", target.jdbcUrl());
        assertThat(external.status()).extracting(ComponentStatus::state).containsExactly(ComponentStatus.State.HEALTHY);

        // and with a wrong password it fails at once, naming the variables
        PostgresComponent wrong = new PostgresComponent(embedded.server(), ExternalPostgres.fromEnv(Map.of(
                ExternalPostgres.URL, target.jdbcUrl(), ExternalPostgres.USER, PostgresServer.ADMIN,
                ExternalPostgres.PASSWORD, "wrong")), platform.layout().secrets());
        assertThatThrownBy(() -> wrong.up(new StartContext(Map.of(), new Progress(System.out), Duration.ofSeconds(30),
                List.of()))).hasMessageContaining("BAZAAR_POSTGRES_URL").hasMessageContaining("BAZAAR_POSTGRES_USER")
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void aMigrationThatFailsStopsTheStartNamingItsFile(Running platform, @TempDir Path migrations) throws Exception {
        // given a database of this run's own and a broken migration
        PostgresComponent postgres = component(platform);
        String database = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = url(postgres, PostgresServer.ADMIN);
        assertThat(psql(admin, "CREATE DATABASE " + database).exit()).as("create database").isZero();
        Files.writeString(migrations.resolve("V1__broken.sql"), "CREATE TABLE broken (x int,);\n");
        try {
            // when Flyway runs it, then the failure names the file and PostgreSQL's reason
            assertThatThrownBy(() -> new PostgresMigrations("filesystem:" + migrations)
                    .migrate(postgres.target().withDatabase(database)))
                    .hasMessageContaining("V1__broken.sql").hasMessageContaining("syntax error");
        } finally {
            assertThat(psql(admin, "DROP DATABASE " + database).exit()).as("drop database").isZero();
        }
    }

    private static PostgresComponent component(Running platform) {
        return (PostgresComponent) platform.platform().catalog().component(PostgresServer.COMPONENT);
    }

    /** What {@code bazaar postgres url --role <role>} prints. */
    private static String url(PostgresComponent postgres, String role) {
        return postgres.target().libpqUrl(postgres.user(role), postgres.password(role));
    }

    private record Psql(int exit, String output) {
    }

    /** Runs Debian's psql (installed by ./bazaar) with {@code url}; no password prompt, no ~/.psqlrc. */
    private static Psql psql(String url, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", url, "-X", "-w", "-At", "-v", "ON_ERROR_STOP=1"));
        for (String statement : sql.split(";")) {
            command.addAll(List.of("-c", statement.strip()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGCONNECT_TIMEOUT", "10"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish within 30 s: " + output);
        }
        return new Psql(process.exitValue(), output);
    }
}
