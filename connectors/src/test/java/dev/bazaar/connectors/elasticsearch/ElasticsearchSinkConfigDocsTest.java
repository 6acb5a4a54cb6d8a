package dev.bazaar.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.ConfigReference;
import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/elasticsearch-sink-config.md}, the configuration reference, true to
 * {@link ElasticsearchSinkConfig#CONFIG_DEF}. To regenerate it:
 * {@code ./mvnw -pl connectors test -Dtest=ElasticsearchSinkConfigDocsTest -Dbazaar.docs.update=true}.
 */
class ElasticsearchSinkConfigDocsTest {

    private static final Path DOC = Path.of("docs", "elasticsearch-sink-config.md");

    private static final ConfigReference REFERENCE = ConfigReference.of("""
            # Elasticsearch sink connector: configuration reference

            <!-- Generated from ElasticsearchSinkConfig by ElasticsearchSinkConfigDocsTest; do not edit by hand. -->

            Connector class: `dev.bazaar.connectors.elasticsearch.ElasticsearchSinkConnector`
            (plugin directory `connectors/target/plugin/bazaar-elasticsearch-sink`).

            Each record becomes one document in the index its topic maps to, with the record key as the
            document id: a value replaces the whole document (`index`), a tombstone deletes it. Values may be
            a `Map` (JsonConverter with `schemas.enable=false`), a `Struct`, or a `String`/`byte[]` holding a
            JSON object.

            Delivery: a task sends one bulk request at a time, so a later write for a key never overtakes an
            earlier one (there is deliberately no `max.in.flight.requests`: scale with `tasks.max` and
            partitions). An offset is committed only after the bulk requests holding every record before it
            were acknowledged; after a crash the same ids are written again, which is idempotent.

            Connect's own error handling applies to malformed documents: with
            `errors.tolerance=all` and `errors.deadletterqueue.topic.name` set, they go to the dead letter
            topic (with `errors.deadletterqueue.context.headers.enable=true` for the error headers) while the
            rest flows.
            """);

    @Test
    void theCommittedReferenceMatchesTheConfigDef() throws IOException {
        // given
        String rendered = REFERENCE.render(ElasticsearchSinkConfig.CONFIG_DEF);

        // when
        String committed = REFERENCE.committed(DOC, ElasticsearchSinkConfig.CONFIG_DEF);

        // then
        assertThat(committed)
                .as("%s is out of date; regenerate it with -Dbazaar.docs.update=true (see this test's Javadoc)",
                        DOC.toAbsolutePath())
                .isEqualTo(rendered);
    }

    @Test
    void theReferenceNamesEveryKeyWithItsDefault() {
        // when
        String rendered = REFERENCE.render(ElasticsearchSinkConfig.CONFIG_DEF);

        // then
        ElasticsearchSinkConfig.CONFIG_DEF.names().forEach(name ->
                assertThat(rendered).as("reference").contains("### `" + name + "`"));
        assertThat(rendered).as("reference").contains("| Default | `500` |").contains("| Default | required |")
                .contains("| Default | `fail` |").contains("| Default | `delete` |");
    }
}
