package dev.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.Progress;
import dev.bazaar.platform.component.ReadyTimes;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.supervisor.SupervisorProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The supervisor on the whole platform: kill -9 one process of each kind of component (a Kafka
 * node, the registry, Elasticsearch, an HDFS daemon, Connect, MirrorMaker, a Java service,
 * Prometheus) and it is healthy again without anyone running {@code up}; a component taken down
 * with {@code stop} stays down until {@code start}. Runs last (it kills), and leaves the platform healthy.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionIT {

    /**
     * How much longer than its own measured start a killed component may take here before the test calls
     * supervision broken: the supervisor's 2 s to notice, the recovery a killed process needs that a clean
     * start does not (Elasticsearch replays its translog, Kafka recovers its logs), and a CI machine that runs
     * the build beside it at half this machine's speed. The goal (start + 5 s) is a speed target, so it is
     * measured and printed for each kind, not asserted: a timed assertion near the goal failed on CI machines
     * where every kind did come back.
     */
    private static final Duration SLACK = Duration.ofSeconds(60);
    private static final Duration GOAL_SLACK = Duration.ofSeconds(5);
    private static final Duration STAYS_DOWN = Duration.ofSeconds(4);

    private Platform platform;
    private boolean startedTheSupervisor;

    @BeforeAll
    void superviseTheRunningPlatform(Running running) {
        platform = running.platform();
        // no AOT training here: the components it restarts start as the tests' platform started them
        startedTheSupervisor = SupervisorProcess.ensureRunning(platform.config().supervised(true).withAot(false),
                new Progress(System.out));
    }

    @AfterAll
    void stopTheSupervisorAndCheckAllIsHealthy() {
        // a supervisor that watched the platform before these tests (the build's one platform may have one) keeps watching
        if (startedTheSupervisor) {
            SupervisorProcess.stop(platform.layout());
        }
        assertThat(platform.status()).as("status after the supervision tests")
                .allMatch(status -> status.state() == ComponentStatus.State.HEALTHY);
    }

    @ParameterizedTest(name = "kill -9 {1} ({0}): back without up")
    @Order(1)
    @CsvSource({"main, main-2", "registry, registry", "elasticsearch, elasticsearch", "hdfs, hdfs-datanode",
        "connect, connect", "mirror-maker, mirror-maker", "stream-filter, stream-filter", "monitoring, prometheus",
        "postgres, postgres"})
    void aKilledProcessIsRestartedAndItsComponentHealthyAgain(String component, String process) {
        // given the component healthy, and how long it took to start
        Component watched = platform.catalog().component(component);
        awaitHealthy(watched, Duration.ofMinutes(2));
        Duration start = new ReadyTimes(platform.layout()).of(component).orElse(Duration.ofSeconds(30));
        ManagedProcess victim = watched.processes().stream().filter(p -> p.component().equals(process)).findFirst()
                .orElseThrow();
        long pid = victim.running().orElseThrow().pid();

        // when its process is killed
        Instant killed = Instant.now();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

        // then a new process runs and the component is healthy again without anyone running up (within three times
        // its start, as the machine may be busier now than when it was measured, and the slack)
        Duration deadline = start.multipliedBy(3).plus(SLACK);
        await(component + " restarted").atMost(deadline)
                .until(() -> victim.running().map(h -> h.pid() != pid).orElse(false));
        awaitHealthy(watched, deadline.minus(Duration.between(killed, Instant.now())));
        Duration back = Duration.between(killed, Instant.now());
        System.out.printf(Locale.ROOT,
                "supervision: %s (%s) killed, healthy again after %.1f s (its start: %.1f s; goal start + %d s: %s)%n",
                process, component, back.toMillis() / 1000.0, start.toMillis() / 1000.0, GOAL_SLACK.toSeconds(),
                back.compareTo(start.plus(GOAL_SLACK)) <= 0 ? "met" : "not met");
    }

    @Test
    @Order(2)
    void aComponentStoppedOnPurposeStaysDownUntilStarted() {
        // given shop-api taken down with bazaar stop
        Component shop = platform.catalog().component("shop-api");
        platform.stop("shop-api");

        // then the supervisor leaves it down
        await("shop-api stays down").during(STAYS_DOWN).atMost(STAYS_DOWN.plusSeconds(2))
                .until(() -> shop.processes().get(0).running().isEmpty());

        // when it is started again, then it is healthy
        platform.start("shop-api", new PrintStream(System.out, true));
        awaitHealthy(shop, Duration.ofMinutes(1));
    }

    private static void awaitHealthy(Component component, Duration deadline) {
        await(component.name() + " healthy").atMost(deadline.isNegative() ? Duration.ofSeconds(1) : deadline)
                .until(() -> {
                    List<ComponentStatus> rows = component.status();
                    return !rows.isEmpty() && rows.stream().allMatch(s -> s.state() == ComponentStatus.State.HEALTHY);
                });
    }
}
