package dev.bazaar.platform.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.Progress;
import dev.bazaar.platform.component.Reconciler;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.process.ManagedProcess;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor against real processes (a {@code sleep} per component): what it restarts, when, and when it gives up. */
class SupervisorTest {

    /** The bound: a death is noticed within 2 s; a sleep starts in far less than the rest. */
    private static final Duration NOTICED_AND_BACK = Duration.ofSeconds(3);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Thread watcher;
    private Sleeper sleeper;

    @AfterEach
    void stop() throws InterruptedException {
        if (watcher != null) {
            watcher.interrupt();
            watcher.join(5_000);
        }
        if (sleeper != null) {
            sleeper.stop();
        }
    }

    @Test
    void aComponentWhoseProcessIsKilledIsBackWithinTwoSecondsPlusItsStart() {
        // given a running component under a supervisor
        Supervisor supervisor = supervise(RestartPolicy.defaults());
        long before = sleeper.pid();

        // when its process is killed
        kill(before);

        // then a new process runs within the bound, and the restart is counted
        await("restarted").atMost(NOTICED_AND_BACK).until(() -> sleeper.alive() && sleeper.pid() != before);
        await("counted").atMost(QUIET).until(() -> supervisor.metricsText()
                .contains("bazaar_component_restarts_total{component=\"sleeper\"} 1"));
    }

    @Test
    void aComponentThatKeepsDyingIsACrashLoopLeftDownAndShownAsSuch() {
        // given a supervisor that allows two restarts within a minute, with a short back-off
        Supervisor supervisor = supervise(new RestartPolicy(2, Duration.ofMinutes(1), Duration.ofMillis(200),
                Duration.ofMillis(400)));

        // when the process is killed three times, each time after it came back
        for (int death = 1; death <= 2; death++) {
            long pid = sleeper.pid();
            kill(pid);
            await("restart " + death).atMost(NOTICED_AND_BACK).until(() -> sleeper.alive() && sleeper.pid() != pid);
        }
        kill(sleeper.pid());

        // then the supervisor gives up: the component stays down, marked and exported as a crash loop
        SupervisorState state = new SupervisorState(layout());
        await("crash loop recorded").atMost(NOTICED_AND_BACK).until(() -> state.crashLooping("sleeper").isPresent());
        assertThat(state.crashLooping("sleeper").orElseThrow()).as("why")
                .contains("died again after 2 restarts").contains("./bazaar start sleeper");
        await("still down").during(QUIET).atMost(QUIET.plusSeconds(1)).until(() -> !sleeper.alive());
        assertThat(supervisor.metricsText()).as("metrics")
                .contains("bazaar_component_crash_loop{component=\"sleeper\"} 1")
                .contains("bazaar_component_restarts_total{component=\"sleeper\"} 2");
    }

    @Test
    void aComponentTakenDownOnPurposeIsNotRestarted() {
        // given a component a person took down with bazaar stop, supervised
        new SupervisorState(layout()).hold("sleeper");
        Supervisor supervisor = supervise(RestartPolicy.defaults());

        // when its process goes away
        kill(sleeper.pid());

        // then it stays down and shows as held
        await("still down").during(QUIET).atMost(QUIET.plusSeconds(1)).until(() -> !sleeper.alive());
        assertThat(supervisor.metricsText()).as("metrics")
                .contains("bazaar_component_held{component=\"sleeper\"} 1")
                .contains("bazaar_component_restarts_total{component=\"sleeper\"} 0");
    }

    private Supervisor supervise(RestartPolicy policy) {
        sleeper = new Sleeper(layout());
        StartContext context = new StartContext(Map.of(), new Progress(new PrintStream(OutputStream.nullOutputStream())),
                Duration.ofSeconds(5), List.of());
        sleeper.up(context);
        Supervisor supervisor = new Supervisor(() -> List.of(sleeper),
                (name, out) -> new Reconciler(new Progress(out)).up(List.of(sleeper), context).get(0), layout(), policy,
                Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()));
        watcher = Thread.ofPlatform().daemon().name("supervisor-under-test").start(() -> {
            try {
                supervisor.watch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return supervisor;
    }

    private RuntimeLayout layout() {
        return new RuntimeLayout(dir);
    }

    private static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await("pid " + pid + " gone").atMost(QUIET).until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    /** A component whose one process is {@code sleep 300}. */
    private static final class Sleeper implements Component {

        private final ManagedProcess process;
        private final Path workDir;

        Sleeper(RuntimeLayout layout) {
            this.process = new ManagedProcess("sleeper", layout.pidFile("sleeper"), layout.logFile("sleeper"));
            this.workDir = layout.dataDir("sleeper");
        }

        long pid() {
            return process.running().map(ProcessHandle::pid).orElse(-1L);
        }

        boolean alive() {
            return process.running().isPresent();
        }

        @Override
        public String name() {
            return "sleeper";
        }

        @Override
        public Set<String> dependencies() {
            return Set.of();
        }

        @Override
        public boolean up(StartContext context) {
            if (alive()) {
                return false;
            }
            process.start(List.of("sleep", "300"), workDir, Map.of());
            return true;
        }

        @Override
        public List<String> stop() {
            process.running().ifPresent(ProcessHandle::destroyForcibly);
            return List.of();
        }

        @Override
        public List<ComponentStatus> status() {
            return List.of();
        }

        @Override
        public List<ManagedProcess> processes() {
            return List.of(process);
        }
    }
}
