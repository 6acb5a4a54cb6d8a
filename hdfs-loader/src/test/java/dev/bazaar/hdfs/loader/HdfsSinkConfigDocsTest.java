package dev.bazaar.hdfs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.ConfigReference;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/hdfs-sink-config.md}, the configuration reference, true to
 * {@link HdfsSinkConfig#CONFIG_DEF}. To regenerate it:
 * {@code ./mvnw -pl hdfs-loader test -Dtest=HdfsSinkConfigDocsTest -Dbazaar.docs.update=true}.
 */
class HdfsSinkConfigDocsTest {

    private static final Path DOC = Path.of("docs", "hdfs-sink-config.md");

    private static final ConfigReference REFERENCE = ConfigReference.of("""
            # HDFS sink connector: configuration reference

            <!-- Generated from HdfsSinkConfig by HdfsSinkConfigDocsTest; do not edit by hand. -->

            Connector class: `dev.bazaar.hdfs.loader.HdfsSinkConnector`
            (plugin directory `hdfs-loader/target/plugin/bazaar-hdfs-sink`).

            Each record becomes one JSON line in a file under `<topics.dir>/<topic>/<field>=<value>/`
            (and `date=…/hour=…/` with time partitioning). A file is committed, never appended to: the task
            writes a batch under `<topics.dir>/<topic>/_tmp/`, writes a `_COMMITTING` marker, renames each
            file to its final name `<topic>+<partition>+<first offset>+<last offset>.jsonl` (offsets padded
            to ten digits) and deletes the marker. On start a task reads its position from the final names
            and finishes or rolls back a commit a crash interrupted, so every record is in exactly one
            committed file and readers that skip names starting with `_` or `.` never see a partial one.

            Besides the keys below, any `hadoop.conf.<key>` is handed to Hadoop's client configuration
            as `<key>`, e.g. `hadoop.conf.dfs.replication=1`. Connect's own error handling applies to
            records that cannot be written (not JSON, no partition field): with `errors.tolerance=all` and
            `errors.deadletterqueue.topic.name` set, they go to the dead letter topic while the rest flows.
            """);

    @Test
    void theCommittedReferenceMatchesTheConfigDef() throws IOException {
        // given
        String rendered = REFERENCE.render(HdfsSinkConfig.CONFIG_DEF);

        // when
        String committed = REFERENCE.committed(DOC, HdfsSinkConfig.CONFIG_DEF);

        // then
        assertThat(committed)
                .as("%s is out of date; regenerate it with -Dbazaar.docs.update=true (see this test's Javadoc)",
                        DOC.toAbsolutePath())
                .isEqualTo(rendered);
    }

    @Test
    void theReferenceNamesEveryKeyWithItsDefault() {
        // when
        String rendered = REFERENCE.render(HdfsSinkConfig.CONFIG_DEF);

        // then
        HdfsSinkConfig.CONFIG_DEF.names().forEach(name ->
                assertThat(rendered).as("reference").contains("### `" + name + "`"));
        assertThat(rendered).as("reference").contains("| Default | required |").contains("| Default | `customer` |")
                .contains("| Valid values | [none, day, hour] |");
    }
}
