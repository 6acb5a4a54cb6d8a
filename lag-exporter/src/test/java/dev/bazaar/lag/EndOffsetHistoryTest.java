package dev.bazaar.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndOffsetHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aGroupAtTheEndIsNoSecondsBehind() {
        // given a partition that grew from 100 to 200 records
        EndOffsetHistory history = new EndOffsetHistory(16);
        history.record(at(0), 100);
        history.record(at(15), 200);

        // then a group at the end (or past it: a committed offset read before the end was listed) is not behind
        assertThat(history.secondsBehind(at(20), 200)).isZero();
        assertThat(history.secondsBehind(at(20), 250)).isZero();
    }

    @Test
    void theAgeOfTheNextRecordIsInterpolatedBetweenTheSamplesAroundItsOffset() {
        // given 100 records appended evenly between 0 s and 10 s, then 100 more by 20 s
        EndOffsetHistory history = new EndOffsetHistory(16);
        history.record(at(0), 100);
        history.record(at(10), 200);
        history.record(at(20), 300);

        // when a group's next record is offset 150 (appended at 5 s) or 250 (at 15 s), asked at 30 s
        // then it is 25 s or 15 s behind
        assertThat(history.secondsBehind(at(30), 150)).isCloseTo(25.0, within(0.001));
        assertThat(history.secondsBehind(at(30), 250)).isCloseTo(15.0, within(0.001));
    }

    @Test
    void aRecordOlderThanTheHistoryIsAtLeastAsOldAsTheHistory() {
        // given a history that starts when the end was already 1,000
        EndOffsetHistory history = new EndOffsetHistory(16);
        history.record(at(0), 1000);
        history.record(at(15), 1000);

        // when a group is still at offset 10, then it is behind by at least the whole history
        assertThat(history.secondsBehind(at(60), 10)).isCloseTo(60.0, within(0.001));
    }

    @Test
    void aQuietPartitionKeepsTwoSamplesAndTheNextRecordIsDatedAfterTheQuietSpell() {
        // given a partition quiet from 0 s to 100 s at end 50, then 10 records by 110 s
        EndOffsetHistory history = new EndOffsetHistory(16);
        for (int s = 0; s <= 100; s += 10) {
            history.record(at(s), 50);
        }
        assertThat(history.size()).isEqualTo(2);
        history.record(at(110), 60);

        // then the record at 50 was appended during the last 10 s, not at 0 s
        assertThat(history.secondsBehind(at(110), 50)).isCloseTo(10.0, within(0.001));
    }

    @Test
    void aFullHistoryThinsItsOlderHalfAndStillReachesItsStart() {
        // given a partition that grows by 10 every 15 s for far longer than the history holds
        EndOffsetHistory history = new EndOffsetHistory(8);
        for (int i = 0; i <= 100; i++) {
            history.record(at(i * 15), 10L * i);
        }

        // then it holds at most its capacity, the recent past exactly and the start still
        assertThat(history.size()).isLessThanOrEqualTo(8);
        assertThat(history.secondsBehind(at(1500), 995)).isCloseTo(7.5, within(0.001));
        assertThat(history.secondsBehind(at(1500), 0)).isCloseTo(1500.0, within(0.001));
    }

    @Test
    void anEndThatGoesBackStartsTheHistoryAgain() {
        // given a topic deleted and created again: its end went from 500 back to 3
        EndOffsetHistory history = new EndOffsetHistory(16);
        history.record(at(0), 400);
        history.record(at(10), 500);
        history.record(at(20), 3);

        // then only the new topic's history counts
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.secondsBehind(at(30), 0)).isCloseTo(10.0, within(0.001));
    }

    @Test
    void aHistoryTooSmallToInterpolateIsRefused() {
        assertThatThrownBy(() -> new EndOffsetHistory(3)).hasMessageContaining("room for 4 samples");
    }
}
