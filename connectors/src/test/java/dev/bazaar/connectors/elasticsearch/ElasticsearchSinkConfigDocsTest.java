package dev.bazaar.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/elasticsearch-sink-config.md} true to the code. To regenerate it:
 * {@code ./mvnw -f connectors/pom.xml test -Dtest=ElasticsearchSinkConfigDocsTest -Dbazaar.docs.update=true}.
 */
class ElasticsearchSinkConfigDocsTest {

    private static final Path DOC = ElasticsearchSinkConfigDocs.DEFAULT_OUTPUT;

    @Test
    void theCommittedReferenceMatchesTheConfigDef() throws IOException {
        // given
        String rendered = ElasticsearchSinkConfigDocs.render(ElasticsearchSinkConfig.CONFIG_DEF);
        if (Boolean.getBoolean("bazaar.docs.update")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }

        // when
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";

        // then
        assertThat(committed)
                .as("%s is out of date; regenerate it with -Dbazaar.docs.update=true (see this test's Javadoc)",
                        DOC.toAbsolutePath())
                .isEqualTo(rendered);
    }

    @Test
    void theReferenceNamesEveryKeyWithItsDefault() {
        // when
        String rendered = ElasticsearchSinkConfigDocs.render(ElasticsearchSinkConfig.CONFIG_DEF);

        // then
        ElasticsearchSinkConfig.CONFIG_DEF.names().forEach(name ->
                assertThat(rendered).as("reference").contains("### `" + name + "`"));
        assertThat(rendered).as("reference").contains("| Default | `500` |").contains("| Default | required |")
                .contains("| Default | `fail` |").contains("| Default | `delete` |");
    }
}
