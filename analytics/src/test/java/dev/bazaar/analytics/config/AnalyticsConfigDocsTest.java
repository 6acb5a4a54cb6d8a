package dev.bazaar.analytics.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.ConfigReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/analytics-config.md}, the settings reference, true to {@link AnalyticsConfig#CONFIG_DEF}.
 * To regenerate it: {@code ./mvnw -pl analytics test -Dtest=AnalyticsConfigDocsTest -Dbazaar.docs.update=true}.
 */
class AnalyticsConfigDocsTest {

    private static final Path DOC = Path.of("docs", "analytics-config.md");

    private static final ConfigReference REFERENCE = ConfigReference.of("""
            # Analytics job: settings reference

            <!-- Generated from AnalyticsConfig by AnalyticsConfigDocsTest; do not edit by hand. -->

            `./bazaar analytics run` (main class `dev.bazaar.analytics.AnalyticsCli`) and the scheduler that
            `./bazaar up` starts (`dev.bazaar.analytics.AnalyticsScheduler`) read the same settings. Each can be
            given as an environment variable (`analytics.period` is `BAZAAR_ANALYTICS_PERIOD`) or, for a run, on
            the command line (`--conf analytics.period=P7D`; `--orders`, `--period` and `--max` are shortcuts),
            which wins. Every value is checked before the run starts: a bad one stops it with exit code 2 and a
            message naming the setting. Durations are ISO-8601 (`PT5M`, `P30D`) or a number with a unit
            (`500ms`, `30s`, `5m`, `2h`, `30d`).

            Spark reads its own `spark.*` settings too (spark-submit `--conf`, or `-Dspark.…=…`): the
            `analytics.spark.*` keys below win over them only when they are given.
            """, List.of(new ConfigReference.Row("Environment", key -> "`" + AnalyticsConfig.environmentVariable(key.name) + "`")),
            key -> key.validator instanceof Durations.AtLeast ? "duration" : ConfigReference.type(key));

    @Test
    void theCommittedReferenceMatchesTheConfigDef() throws IOException {
        // given
        String rendered = REFERENCE.render(AnalyticsConfig.CONFIG_DEF);

        // when
        String committed = REFERENCE.committed(DOC, AnalyticsConfig.CONFIG_DEF);

        // then
        assertThat(committed)
                .as("%s is out of date; regenerate it with -Dbazaar.docs.update=true (see this test's Javadoc)",
                        DOC.toAbsolutePath())
                .isEqualTo(rendered);
    }

    @Test
    void theReferenceNamesEveryKeyWithItsVariableAndDefault() {
        // when
        String rendered = REFERENCE.render(AnalyticsConfig.CONFIG_DEF);

        // then
        AnalyticsConfig.CONFIG_DEF.names().forEach(name -> assertThat(rendered).as("reference")
                .contains("### `" + name + "`")
                .contains("| Environment | `" + AnalyticsConfig.environmentVariable(name) + "` |"));
        assertThat(rendered).as("reference").contains("| Default | `P30D` |").contains("| Default | `5m` |")
                .contains("| Default | `local[2]` |").contains("| Type | duration |");
    }
}
