package dev.bazaar.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the nodes of a quorum: a node that the others left without a majority cannot finish a
 * clean shutdown (a KRaft broker's controlled shutdown needs the quorum), so it is killed after a
 * short grace instead of at the deadline. Real processes: {@code sleep} stops on SIGTERM, a shell
 * that traps it stands for the node left waiting.
 */
class ProcessStopperTest {

    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String READY = "ready";

    @TempDir
    Path folder;

    private List<ManagedProcess> started = List.of();

    @AfterEach
    void killWhatRemains() {
        started.forEach(process -> process.running().ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aNodeLeftWithoutItsQuorumIsKilledAfterTheGraceNotAtTheDeadline() {
        // given three voters: two stop on SIGTERM, one keeps waiting
        ManagedProcess first = node("main-1", stopsOnTerm());
        ManagedProcess second = node("main-2", stopsOnTerm());
        ManagedProcess waiting = node("main-3", ignoresTerm());
        started = List.of(first, second, waiting);

        // when the quorum is stopped
        long began = System.nanoTime();
        List<String> killed = ProcessStopper.stopQuorum(started, GRACE, DEADLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        // then the one left waiting was killed, long before the deadline, and none runs
        assertThat(killed).containsExactly("main-3");
        assertThat(took).isLessThan(DEADLINE.dividedBy(2));
        assertThat(started).allSatisfy(node -> assertThat(node.running()).as(node.component()).isEmpty());
    }

    @Test
    void aMajorityThatDoesNotStopIsKilledAtTheDeadline() {
        // given three voters of which two keep waiting: they still hold a majority, so they may yet finish
        started = List.of(node("main-1", stopsOnTerm()), node("main-2", ignoresTerm()), node("main-3", ignoresTerm()));

        // when the quorum is stopped with a short deadline
        List<String> killed = ProcessStopper.stopQuorum(started, GRACE, Duration.ofSeconds(3));

        // then both were killed at the deadline, and none runs
        assertThat(killed).containsExactlyInAnyOrder("main-2", "main-3");
        assertThat(started).allSatisfy(node -> assertThat(node.running()).as(node.component()).isEmpty());
    }

    @Test
    void aSingleNodeQuorumThatStopsIsNotKilled() {
        // given a quorum of one node (the mirror cluster)
        started = List.of(node("mirror-1", stopsOnTerm()));

        // when it is stopped, then it stopped by itself
        assertThat(ProcessStopper.stopQuorum(started, GRACE, DEADLINE)).isEmpty();
        assertThat(started.getFirst().running()).isEmpty();
    }

    private ManagedProcess node(String name, List<String> command) {
        ManagedProcess process = new ManagedProcess(name, folder.resolve(name + ".pid"), folder.resolve(name + ".log"));
        process.start(command, folder, Map.of());
        // (a shell that is to ignore SIGTERM says so once its trap is set: a signal before that would end it)
        await(name + " ready").atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(process.logFile()) && Files.readString(process.logFile()).contains(READY));
        return process;
    }

    private static List<String> stopsOnTerm() {
        return List.of("bash", "-c", "echo " + READY + "; exec sleep 300");
    }

    /** A shell that ignores SIGTERM (its sleep is a child that the signal does not reach). */
    private static List<String> ignoresTerm() {
        return List.of("bash", "-c", "trap '' TERM; echo " + READY + "; while true; do sleep 1; done");
    }
}
