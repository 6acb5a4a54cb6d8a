package dev.bazaar.events.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which date-times events-api lets through: RFC 3339 with seconds and an offset, what timestamptz stores unambiguously. */
class DateTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06T10:00:00.123456Z", "2025-04-10T12:34:56.000Z", "2025-04-10T15:34:56.000+03:00",
        "2025-04-10T12:34:56Z", "2025-04-10T12:34:56.123456789-05:30", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void accepted(String dateTime) {
        assertThat(DateTimes.problem(dateTime)).as(dateTime).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-04-10T12:34:56", "2025-04-10 12:34:56Z", "2025-04-10T12:34Z", "2025-04-10",
        "2025-02-30T00:00:00Z", "2025-04-10T24:00:00Z", "0000-01-01T00:00:00Z", "+12025-04-10T12:34:56Z",
        "2025-04-10T12:34:56.Z", "2025-04-10t12:34:56z", "1744287299", ""})
    void refused(String dateTime) {
        assertThat(DateTimes.problem(dateTime)).as(dateTime).isPresent();
    }
}
