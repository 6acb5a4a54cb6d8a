package dev.bazaar.console.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Step, $__interval and $__rate_interval as Grafana computes them for a Prometheus panel. */
class QueryTimingTest {

    private static final Duration SCRAPE = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theLastHourOnAThousandPointsStepsByTheScrapeInterval() {
        // when: 3.6 s per point rounds to 5 s, the scrape interval
        QueryTiming timing = QueryTiming.of(NOW.minus(Duration.ofHours(1)), NOW, 1000, SCRAPE);

        // then
        assertThat(timing.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timing.step()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timing.stepSeconds()).isEqualTo("5");
        assertThat(timing.rateInterval()).as("max(5s + 5s, 4 × 5s)").isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aShortRangeNeverStepsBelowTheScrapeInterval() {
        // when: 30 minutes on Grafana's default 1500 points is 1.2 s per point
        QueryTiming timing = QueryTiming.of(NOW.minus(Duration.ofMinutes(30)), NOW, 1500, SCRAPE);

        // then
        assertThat(timing.step()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timing.rateInterval()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aDayRoundsToAMinuteAndTheRateIntervalAddsOneScrape() {
        // when: 86.4 s per point rounds to 1 m
        QueryTiming timing = QueryTiming.of(NOW.minus(Duration.ofDays(1)), NOW, 1000, SCRAPE);

        // then
        assertThat(timing.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(timing.stepSeconds()).isEqualTo("60");
        assertThat(timing.rateInterval()).as("max(60s + 5s, 20s)").isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    void tooManyPointsAreCappedAtTheSafeResolutionWithoutWideningTheRateInterval() {
        // when: 7 days on 100 000 points; 7 d / 11 000 = 55 s rounds to 1 m
        QueryTiming timing = QueryTiming.of(NOW.minus(Duration.ofDays(7)), NOW, 100_000, SCRAPE);

        // then
        assertThat(timing.interval()).as("the browser's interval").isEqualTo(Duration.ofSeconds(5));
        assertThat(timing.step()).as("the backend's step").isEqualTo(Duration.ofMinutes(1));
        assertThat(timing.rateInterval()).as("from the browser's interval, as Grafana does")
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void grafanasDefaultScrapeIntervalGivesAOneMinuteRateInterval() {
        // when
        QueryTiming timing = QueryTiming.of(NOW.minus(Duration.ofHours(1)), NOW, 1000, Duration.ofSeconds(15));

        // then
        assertThat(timing.step()).isEqualTo(Duration.ofSeconds(15));
        assertThat(timing.rateInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theRangeSentToPrometheusIsAlignedToTheStep() {
        // given
        QueryTiming timing = QueryTiming.of(Instant.parse("2026-12-07T09:00:03Z"), Instant.parse("2026-12-07T10:00:04Z"),
                1000, SCRAPE);

        // when / then
        assertThat(timing.alignedStart()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(timing.alignedEnd()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void theBrowserAndTheBackendRoundABoundaryDifferently() {
        // when / then: TypeScript compares with <, Go with <=
        assertThat(GrafanaIntervals.roundAsFrontend(7_500)).isEqualTo(Duration.ofSeconds(10));
        assertThat(GrafanaIntervals.roundAsBackend(Duration.ofMillis(7_500))).isEqualTo(Duration.ofSeconds(5));
        assertThat(GrafanaIntervals.roundAsFrontend(5)).isEqualTo(Duration.ofMillis(1));
        assertThat(GrafanaIntervals.roundAsFrontend(4_000_000_000.0)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void intervalsAreSpelledAsGrafanaSpellsThem() {
        // when / then
        assertThat(GrafanaIntervals.format(Duration.ofSeconds(90))).as("truncated").isEqualTo("1m");
        assertThat(GrafanaIntervals.format(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(GrafanaIntervals.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(GrafanaIntervals.goDuration(Duration.ofSeconds(20))).isEqualTo("20s");
        assertThat(GrafanaIntervals.goDuration(Duration.ofSeconds(65))).isEqualTo("1m5s");
        assertThat(GrafanaIntervals.goDuration(Duration.ofHours(2))).isEqualTo("2h0m0s");
        assertThat(GrafanaIntervals.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GrafanaIntervals.goDuration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(GrafanaIntervals.seconds(Duration.ofMillis(500))).isEqualTo("0.5");
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> QueryTiming.of(NOW, NOW, 1000, SCRAPE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after its start");
        assertThatThrownBy(() -> QueryTiming.of(NOW.minusSeconds(60), NOW, 0, SCRAPE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max data points");
    }
}
