package dev.bazaar.client.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.client.InvalidParameterException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code wait} parameter shortens the configured wait, never extends it, and is refused by name when bad. */
class WaitsTest {

    private static final Duration CONFIGURED = Duration.ofSeconds(5);

    @Test
    void absentWaitIsTheConfiguredOne() {
        assertThat(Waits.of(null, CONFIGURED)).as("no wait").isEqualTo(CONFIGURED);
        assertThat(Waits.of(" ", CONFIGURED)).as("blank wait").isEqualTo(CONFIGURED);
    }

    @Test
    void shorterWaitIsTakenInSecondsWithDecimals() {
        assertThat(Waits.of("2.5", CONFIGURED)).as("2.5").isEqualTo(Duration.ofMillis(2500));
        assertThat(Waits.of("0", CONFIGURED)).as("0").isEqualTo(Duration.ZERO);
    }

    @Test
    void longerWaitIsCappedAtTheConfiguredOne() {
        assertThat(Waits.of("10", CONFIGURED)).as("10").isEqualTo(CONFIGURED);
        assertThat(Waits.of("1e30", CONFIGURED)).as("huge").isEqualTo(CONFIGURED);
    }

    @Test
    void negativeOrNonNumericWaitIsRefusedNamingWait() {
        for (String wait : new String[] {"-1", "soon", "5s"}) {
            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> Waits.of(wait, CONFIGURED));
            assertThat(e).as("refusal of wait=%s", wait).isNotNull();
            assertThat(e.parameter()).as("parameter of wait=%s", wait).isEqualTo("wait");
        }
    }
}
