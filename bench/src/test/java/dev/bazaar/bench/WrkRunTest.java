package dev.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.bench.WrkRun.WrkResult;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrkRunTest {

    /** wrk 4.1's summary (Debian's package) of a run with failures, and the script's line. */
    private static final String FAILING_RUN = """
            Running 20s test @ https://127.0.0.1:21088/api-fast/view-event
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   451.94ms  228.05ms   1.47s    79.02%
                Req/Sec    79.84     53.98   250.00     73.98%
              Latency Distribution
                 50%  400.24ms
                 75%  539.25ms
                 90%  728.88ms
                 99%    1.25s\s
              2825 requests in 20.07s, 733.19KB read
              Socket errors: connect 0, read 2, write 0, timeout 5
              Non-2xx or 3xx responses: 17
            Requests/sec:    140.73
            Transfer/sec:     36.52KB
            bench-summary fresh=2314 copies=576
            """;

    @Test
    void readsRateLatencyFailuresAndTheScriptsCounts() {
        // when
        WrkResult result = WrkRun.parse(FAILING_RUN, 64);

        // then
        assertThat(result.requests()).as("completed requests").isEqualTo(2825);
        assertThat(result.seconds()).as("duration").isEqualTo(20.07);
        assertThat(result.perSecond()).as("Requests/sec").isEqualTo(140.73);
        assertThat(result.p50Millis()).as("p50 in ms").isEqualTo(400.24);
        assertThat(result.p99Millis()).as("p99, printed in seconds").isEqualTo(1250.0);
        assertThat(result.non2xx()).as("non-2xx answers").isEqualTo(17);
        assertThat(result.socketErrors()).as("socket errors")
                .isEqualTo(Map.of("connect", 0L, "read", 2L, "write", 0L, "timeout", 5L));
        assertThat(result.socketErrorCount()).as("socket errors in all").isEqualTo(7);
        assertThat(result.fresh()).as("fresh bodies the script made").isEqualTo(2314);
        assertThat(result.copies()).as("copies the script re-sent").isEqualTo(576);
    }

    @Test
    void aCleanRunHasNoFailuresAndMinutesAndMicrosecondsAreConverted() {
        // given: wrk prints neither failure line when there was none, and picks the unit per value
        String clean = FAILING_RUN.replace("  Socket errors: connect 0, read 2, write 0, timeout 5\n", "")
                .replace("  Non-2xx or 3xx responses: 17\n", "").replace("20.07s", "1.00m")
                .replace("400.24ms", "812.50us");

        // when
        WrkResult result = WrkRun.parse(clean, 64);

        // then
        assertThat(result.non2xx()).as("non-2xx answers").isZero();
        assertThat(result.socketErrorCount()).as("socket errors").isZero();
        assertThat(result.seconds()).as("1.00m").isEqualTo(60.0);
        assertThat(result.p50Millis()).as("812.50us").isEqualTo(0.8125);
    }

    @Test
    void anOutputWithoutTheScriptsLineIsAnError() {
        // given: a wrk run whose script failed prints no bench-summary line
        String withoutScript = FAILING_RUN.replace("bench-summary fresh=2314 copies=576\n", "");

        // when / then
        assertThatThrownBy(() -> WrkRun.parse(withoutScript, 64)).as("no script summary")
                .hasMessageContaining("bench-summary");
    }

    @Test
    void theSampleHasEveryFreshFieldAsAStringAndItsCompactSizeIsAbout3Kb() throws Exception {
        // given
        JsonNode sample;
        try (InputStream in = WrkRunTest.class.getResourceAsStream("/bench/view-event.json")) {
            sample = new ObjectMapper().readTree(in);
        }

        // then
        for (String field : ViewEventSample.FRESH_FIELDS) {
            assertThat(sample.path(field).isTextual()).as("the wrk script finds \"%s\":\"...\"", field).isTrue();
        }
        assertThat(sample.size()).as("fields of the earlier view event").isEqualTo(137);
        assertThat(ViewEventSample.load().size()).as("compact bytes").isBetween(2_500, 3_200);
    }
}
