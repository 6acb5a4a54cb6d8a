package dev.bazaar.dedup.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.dedup.DedupKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A partition's seen keys: copies within the retention in stream time, expiry, removal, and bounded size. */
class SeenKeysTest {

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final long HOUR = RETENTION.toMillis();

    private final List<byte[]> expired = new ArrayList<>();
    private final SeenKeys keys = new SeenKeys(RETENTION, expired::add);

    @Test
    void aKeyIsACopyWithinTheRetentionOfStreamTimeAndFirstAgainAfterIt() {
        assertThat(keys.copy(key(1), 0)).as("first").isFalse();
        assertThat(keys.copy(key(1), HOUR / 2)).as("copy half an hour later").isTrue();
        assertThat(keys.copy(key(2), HOUR)).as("another key at the hour").isFalse();
        assertThat(keys.copy(key(1), 0)).as("copy with an earlier timestamp").isTrue();
        assertThat(keys.copy(key(2), 2 * HOUR)).as("key 2 exactly the retention later").isTrue();
        // stream time is now past key 1's time + retention
        assertThat(keys.copy(key(1), 2 * HOUR + 1)).as("key 1 after its retention").isFalse();
        assertThat(keys.copy(key(1), 2 * HOUR + 2)).as("and a copy of that").isTrue();
    }

    @Test
    void aRemovedKeyIsForgottenAndEveryOtherStaysFindable() {
        // given many keys, so that probe runs form
        IntStream.range(0, 2000).forEach(n -> keys.restore(key(n), 0));

        // when every third is removed
        IntStream.range(0, 2000).filter(n -> n % 3 == 0).forEach(n -> keys.remove(key(n)));

        // then
        assertThat(keys.size()).as("size").isEqualTo(2000 - 667);
        assertThat(IntStream.range(0, 2000).filter(n -> keys.copy(key(n), 0) != (n % 3 != 0)).boxed().toList())
                .as("keys whose answer is wrong").isEmpty();
    }

    @Test
    void expiredKeysLeaveAsTheTableWouldGrowSoItHoldsOnlyAboutTheRetentionsKeys() {
        // when a key a second arrives for ten hours, with a retention of one hour
        for (int second = 0; second < 36_000; second++) {
            keys.copy(key(second), second * 1000L);
        }

        // then the table holds little more than the last hour's keys, and the others were told as expired
        assertThat(keys.size()).as("keys held").isBetween(3600, 2 * 3601);
        assertThat(expired.size() + keys.size()).as("expired + held").isEqualTo(36_000);
        assertThat(keys.copy(key(35_999), 36_000_000L)).as("the latest key").isTrue();
        assertThat(keys.copy(key(0), 36_000_000L)).as("the first key, long expired").isFalse();
    }

    @Test
    void purgeRemovesExpiredKeysAtOnceTellingEach() {
        keys.restore(key(1), 0);
        keys.restore(key(2), 3 * HOUR);

        keys.purge();

        assertThat(keys.size()).as("held").isEqualTo(1);
        assertThat(expired).as("expired").singleElement().isEqualTo(key(1));
        assertThat(keys.streamTime()).as("stream time").isEqualTo(3 * HOUR);
    }

    @Test
    void onlySixteenByteKeysAreTaken() {
        assertThatThrownBy(() -> keys.copy(new byte[3], 0)).hasMessage("a key is 16 bytes, not 3");
    }

    private static byte[] key(int n) {
        return DedupKey.ofRecordKey(("key " + n).getBytes(StandardCharsets.UTF_8));
    }
}
