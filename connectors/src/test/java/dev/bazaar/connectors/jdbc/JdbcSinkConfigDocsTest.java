package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.ConfigReference;
import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/jdbc-sink-config.md}, the configuration reference, true to
 * {@link JdbcSinkConfig#CONFIG_DEF}. To regenerate it:
 * {@code ./mvnw -pl connectors test -Dtest=JdbcSinkConfigDocsTest -Dbazaar.docs.update=true}.
 */
class JdbcSinkConfigDocsTest {

    private static final Path DOC = Path.of("docs", "jdbc-sink-config.md");

    private static final ConfigReference REFERENCE = ConfigReference.of("""
            # JDBC sink connector: configuration reference

            <!-- Generated from JdbcSinkConfig by JdbcSinkConfigDocsTest; do not edit by hand. -->

            Connector class: `dev.bazaar.connectors.jdbc.JdbcSinkConnector`
            (in the plugin directory `connectors/target/plugin/bazaar-elasticsearch-sink`, with PostgreSQL's
            JDBC driver).

            Each record becomes one row of a PostgreSQL table, inserted with
            `INSERT ... ON CONFLICT DO NOTHING`: a record delivered again finds its row there (by the table's
            primary key or a unique constraint) and is skipped, so a redelivery never makes a second row, and the
            role needs INSERT only. Tombstones are skipped.

            Column mapping (`columns`): `column=source|source|...`, comma-separated; the first source that is
            present and not null gives the value, none gives NULL. A source is a top-level field of the value
            (`event_name`), a JSON pointer into it (`/device/os`), `$key`, `$value` (the whole value as JSON),
            `$timestamp` (the record timestamp), `$header.<name>`, `$topic`, `$partition` or `$offset`. The
            product-events sink maps `event_key=$key, kind=$header.event-kind, event_name=event_name,
            event_datetime=event_datetime, user_id=userId|client_id, product_id=content_id|product_id, sid=sid,
            received_at=$timestamp, event=$value`.

            Types, read from the table when a task starts: text (varchar, char), smallint, integer, bigint (a
            whole number, or a string of one; `$timestamp` as epoch milliseconds), numeric, double precision,
            boolean, date, timestamp, timestamptz (an ISO-8601 date-time with an offset, or `$timestamp`; never a
            bare number), json and jsonb (JSON as it came; a string is quoted), bytea (the key's bytes, or text as
            UTF-8), uuid. A task fails at start, naming the key, when the table is missing, the role may not
            INSERT, a mapped column does not exist or cannot be written, or a NOT NULL column without a default
            is not mapped.

            Delivery: what one `put` hands a task is written in transactions of at most `batch.size` rows before
            `put` returns, so the offsets Connect commits never pass an unwritten row. A lost connection, a
            server restarting or short of resources is retried with backoff, then fails the task; Connect
            redelivers from the committed offsets and nothing is inserted twice.

            Errors: a record that cannot be converted (no value for a NOT NULL column, a bad timestamp, a wrong
            type, a value that is not JSON) and a row PostgreSQL refuses for its data (SQLSTATE class 22 or 23,
            found by splitting the batch) go to Connect's errant record reporter: with `errors.tolerance=all` and
            `errors.deadletterqueue.topic.name` they land on the dead letter topic (with
            `errors.deadletterqueue.context.headers.enable=true` for the reason) while the rest is written.
            Without a reporter the task fails, naming the record's topic, partition, offset and the column.

            Secrets: give `connection.password` as a worker config provider reference, e.g.
            `${dir:<secrets folder>:postgres-connect.password}` (the platform's worker has Kafka's
            `DirectoryConfigProvider` as `dir`), so the password is not in the config Connect stores or shows.
            """);

    @Test
    void theCommittedReferenceMatchesTheConfigDef() throws IOException {
        // given
        String rendered = REFERENCE.render(JdbcSinkConfig.CONFIG_DEF);

        // when
        String committed = REFERENCE.committed(DOC, JdbcSinkConfig.CONFIG_DEF);

        // then
        assertThat(committed)
                .as("%s is out of date; regenerate it with -Dbazaar.docs.update=true (see this test's Javadoc)",
                        DOC.toAbsolutePath())
                .isEqualTo(rendered);
    }

    @Test
    void theReferenceNamesEveryKeyWithItsDefault() {
        // when
        String rendered = REFERENCE.render(JdbcSinkConfig.CONFIG_DEF);

        // then
        JdbcSinkConfig.CONFIG_DEF.names().forEach(name ->
                assertThat(rendered).as("reference").contains("### `" + name + "`"));
        assertThat(rendered).as("reference").contains("| Default | `500` |").contains("| Default | required |");
    }
}
