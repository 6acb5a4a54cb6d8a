package dev.bazaar.console.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A target's expression as Prometheus receives it from Grafana. */
class PromQlTest {

    private static final Duration SCRAPE = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final QueryTiming LAST_HOUR = QueryTiming.of(NOW.minus(Duration.ofHours(1)), NOW, 1000, SCRAPE);
    private static final QueryTiming LAST_DAY = QueryTiming.of(NOW.minus(Duration.ofDays(1)), NOW, 1000, SCRAPE);
    private static final TemplateVariables NONE = TemplateVariables.of(List.of(), Map.of());

    @Test
    void theRateIntervalIsFourScrapesOverAnHour() {
        // when
        String expr = PromQl.resolve("sum(rate(kafka_server_brokertopicmetrics_bytesin_total[$__rate_interval]))",
                LAST_HOUR, NONE);

        // then
        assertThat(expr).isEqualTo("sum(rate(kafka_server_brokertopicmetrics_bytesin_total[20s]))");
    }

    @Test
    void overADayTheRateIntervalIsTheStepPlusAScrapeInGoSpelling() {
        // when
        String expr = PromQl.resolve("rate(x[$__rate_interval]) / rate(y[${__rate_interval}]) $__rate_interval_ms",
                LAST_DAY, NONE);

        // then
        assertThat(expr).isEqualTo("rate(x[1m5s]) / rate(y[1m5s]) 65000");
    }

    @Test
    void intervalAndRangeMacros() {
        // when
        String hour = PromQl.macros("$__interval $__interval_ms ${__interval} $__range $__range_s $__range_ms ${__range}",
                LAST_HOUR);
        String day = PromQl.macros("avg_over_time(x[$__interval]) $__interval_ms", LAST_DAY);

        // then
        assertThat(hour).isEqualTo("5s 5000 5s 3600s 3600 3600000 3600s");
        assertThat(day).isEqualTo("avg_over_time(x[1m]) 60000");
    }

    @Test
    void theRangeIsRoundedToWholeSeconds() {
        // given
        QueryTiming timing = QueryTiming.of(NOW.minusMillis(1_800_600), NOW, 1000, SCRAPE);

        // when / then
        assertThat(PromQl.macros("increase(x[$__range]) $__range_ms", timing)).isEqualTo("increase(x[1801s]) 1800600");
    }

    @Test
    void everyExpressionOfTheFourDashboardsResolvesToPlainPromQl() throws IOException {
        for (Dashboard dashboard : Dashboards.load(DashboardTest.DASHBOARDS).all()) {
            // given
            TemplateVariables variables = TemplateVariables.defaults(dashboard);

            // when / then
            assertThat(dashboard.panels()).flatExtracting(Panel::targets).allSatisfy(target ->
                    assertThat(PromQl.resolve(target.expr(), LAST_HOUR, variables)).as(dashboard.uid() + " " + target)
                            .doesNotContain("$", "[[", "${"));
        }
    }

    @Test
    void theBrokersDashboardQueriesTheChosenCluster() throws IOException {
        // given
        Dashboard brokers = Dashboard.read(DashboardTest.DASHBOARDS.resolve("brokers.json"));
        Target bytesIn = brokers.panel(9).orElseThrow().targets().get(0);

        // when
        String opened = PromQl.resolve(bytesIn.expr(), LAST_HOUR, TemplateVariables.defaults(brokers));
        String mirror = PromQl.resolve(bytesIn.expr(), LAST_HOUR,
                TemplateVariables.of(brokers.variables(), Map.of("cluster", List.of("mirror"))));

        // then
        assertThat(opened).isEqualTo(
                "sum(rate(kafka_server_brokertopicmetrics_bytesin_total{cluster=\"main\", topic=\"\"}[20s]))");
        assertThat(mirror).isEqualTo(
                "sum(rate(kafka_server_brokertopicmetrics_bytesin_total{cluster=\"mirror\", topic=\"\"}[20s]))");
    }
}
