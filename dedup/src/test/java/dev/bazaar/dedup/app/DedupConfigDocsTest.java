package dev.bazaar.dedup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.ConfigReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/dedup-app-config.md}, the generic app's settings reference, true to {@link DedupConfig}.
 * To regenerate it: {@code ./mvnw -pl dedup test -Dtest=DedupConfigDocsTest -Dbazaar.docs.update=true}.
 */
class DedupConfigDocsTest {

    private static final Path DOC = Path.of("docs", "dedup-app-config.md");

    private static final ConfigReference REFERENCE = ConfigReference.of("""
            # The generic dedup app: settings reference

            <!-- Generated from DedupConfig by DedupConfigDocsTest; do not edit by hand. -->

            The `dedup` component (main class `dev.bazaar.dedup.app.DedupApp`) and `./bazaar dedup run`
            (`dev.bazaar.dedup.cli.DedupCli`) read the same settings. The component takes each from its
            environment variable, after the properties file `BAZAAR_DEDUP_CONFIG` names, if any; `dedup run`
            from `--config <file>`, then its options (`--key-fields` for `key.fields`, and so on), which win.
            Every value is checked before anything connects: a bad one stops the app with exit code 2 and a
            message naming the setting. Durations are `7d`, `12h`, `30m`, `90s` or ISO-8601 (`P7D`).
            Besides these: `BAZAAR_VAR` (runtime folder), `BAZAAR_INSTANCE` (instance number of `bazaar scale`)
            and, for an external cluster, `BAZAAR_MAIN_BOOTSTRAP_SERVERS`, `BAZAAR_<PRINCIPAL>_PASSWORD`,
            `BAZAAR_TRUSTSTORE`, `BAZAAR_TRUSTSTORE_PASSWORD`.
            """, List.of(new ConfigReference.Row("Environment", key -> "`" + DedupConfig.envName(key.name) + "`")),
            key -> key.name.equals(DedupConfig.RETENTION) ? "duration" : ConfigReference.type(key));

    @Test
    void theCommittedReferenceMatchesTheConfigDef() throws IOException {
        // given
        String rendered = REFERENCE.render(DedupConfig.CONFIG);

        // when
        String committed = REFERENCE.committed(DOC, DedupConfig.CONFIG);

        // then
        assertThat(committed)
                .as("%s is out of date; regenerate it with -Dbazaar.docs.update=true (see this test's Javadoc)",
                        DOC.toAbsolutePath())
                .isEqualTo(rendered);
    }

    @Test
    void theReferenceNamesEveryKeyWithItsVariableAndDefault() {
        // when
        String rendered = REFERENCE.render(DedupConfig.CONFIG);

        // then
        DedupConfig.CONFIG.names().forEach(name -> assertThat(rendered).as("reference")
                .contains("### `" + name + "`")
                .contains("| Environment | `" + DedupConfig.envName(name) + "` |"));
        assertThat(rendered).as("reference").contains("| Default | `7d` |").contains("| Default | `dedup-jobs` |")
                .contains("| Type | duration |").contains("## Topics").contains("## Key and retention");
    }
}
