package dev.bazaar.console.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Series names in a panel's legend, as Grafana's Prometheus backend writes them. */
class LegendFormatTest {

    private static final String EXPR = "sum by (topic) (rate(x[5m]))";

    @Test
    void labelsAreSubstituted() {
        assertThat(LegendFormat.seriesName("{{topic}} in", Map.of("topic", "orders"), EXPR)).isEqualTo("orders in");
        assertThat(LegendFormat.seriesName("{{ connector }}/{{task}}: {{state}}",
                Map.of("connector", "es-sink", "task", "0", "state", "RUNNING"), EXPR)).isEqualTo("es-sink/0: RUNNING");
    }

    @Test
    void aMissingLabelIsEmpty() {
        assertThat(LegendFormat.seriesName("{{node}} {{request}}", Map.of("node", "1"), EXPR)).isEqualTo("1 ");
    }

    @Test
    void withoutALegendFormatTheSeriesIsNamedByItsMetricAndSortedLabels() {
        assertThat(LegendFormat.seriesName("", Map.of("__name__", "up", "job", "kafka", "instance", "a\"b"), EXPR))
                .isEqualTo("up{instance=\"a\\\"b\", job=\"kafka\"}");
        assertThat(LegendFormat.seriesName("__auto", Map.of("job", "kafka"), EXPR)).isEqualTo("{job=\"kafka\"}");
        assertThat(LegendFormat.seriesName("", Map.of("__name__", "up"), EXPR)).isEqualTo("up");
    }

    @Test
    void aSeriesWithoutLabelsIsNamedByTheExpression() {
        assertThat(LegendFormat.seriesName("", Map.of(), EXPR)).isEqualTo(EXPR);
    }

    @Test
    void replacementTextIsTakenLiterally() {
        assertThat(LegendFormat.seriesName("{{uri}}", Map.of("uri", "/a/$1\\b"), EXPR)).isEqualTo("/a/$1\\b");
    }
}
