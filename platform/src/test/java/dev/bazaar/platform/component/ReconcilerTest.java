package dev.bazaar.platform.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Reconciler reconciler = new Reconciler(new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8)));

    @Test
    void independentComponentsStartTogetherAndADependentOnlyOnceAllItNeedsIsReady() {
        // given two independent components that each wait until the other has started
        CountDownLatch bothStarted = new CountDownLatch(2);
        Declared main = component("main", Set.of(), name -> meet(bothStarted));
        Declared elasticsearch = component("elasticsearch", Set.of(), name -> meet(bothStarted));
        Declared client = component("client-api", Set.of("main", "elasticsearch"), name -> { });

        // when they are reconciled
        List<Reconciler.Outcome> outcomes = reconciler.up(List.of(main, elasticsearch, client), Declared.context());

        // then both started at once (else each would wait for the other in vain) and client-api after both were ready
        assertThat(outcomes).as("outcomes").allMatch(Reconciler.Outcome::ready);
        List<String> order = List.copyOf(events);
        assertThat(order.indexOf("start client-api")).as("client-api starts after main and elasticsearch are ready")
                .isGreaterThan(order.indexOf("ready main")).isGreaterThan(order.indexOf("ready elasticsearch"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("printed").contains("client-api: ready (");
    }

    @Test
    void aFailureSkipsWhatDependsOnItAndNothingElse() {
        // given a registry that fails to start
        Declared main = component("main", Set.of(), name -> { });
        Declared registry = component("registry", Set.of("main"), name -> {
            throw new IllegalStateException("registry did not start: the process exited");
        });
        Declared shop = component("shop-api", Set.of("main", "registry"), name -> { });
        Declared mirror = component("mirror", Set.of(), name -> { });

        // when they are reconciled
        Map<String, Reconciler.Outcome> outcomes = byName(reconciler.up(List.of(main, registry, shop, mirror),
                Declared.context()));

        // then the registry failed, shop-api was skipped saying why, and the others started
        assertThat(outcomes.get("registry").state()).as("registry").isEqualTo(Reconciler.State.FAILED);
        assertThat(outcomes.get("registry").detail()).as("why").contains("the process exited");
        assertThat(outcomes.get("shop-api").state()).as("shop-api").isEqualTo(Reconciler.State.SKIPPED);
        assertThat(outcomes.get("shop-api").detail()).as("why shop-api was skipped").isEqualTo("needs registry failed");
        assertThat(outcomes.get("main").ready()).as("main ready").isTrue();
        assertThat(outcomes.get("mirror").ready()).as("mirror ready").isTrue();
        assertThat(events).as("events").doesNotContain("start shop-api");
    }

    @Test
    void aComponentThatCannotRunIsSkippedButOneStartingLastStillStartsAfterAllOthers() {
        // given a component that is not built, and monitoring, which starts last
        Declared main = component("main", Set.of(), name -> { });
        Declared connect = new Declared("connect", Set.of("main"), false, Optional.of("not built (./bazaar build)"),
                events, name -> { });
        Declared monitoring = new Declared("monitoring", Set.of(), true, Optional.empty(), events, name -> { });

        // when they are reconciled
        Map<String, Reconciler.Outcome> outcomes = byName(reconciler.up(List.of(main, connect, monitoring),
                Declared.context()));

        // then connect is skipped with its reason, and monitoring starts after main is ready
        assertThat(outcomes.get("connect").state()).as("connect").isEqualTo(Reconciler.State.SKIPPED);
        assertThat(outcomes.get("connect").detail()).as("why").isEqualTo("not built (./bazaar build)");
        assertThat(outcomes.get("monitoring").ready()).as("monitoring ready").isTrue();
        List<String> order = List.copyOf(events);
        assertThat(order.indexOf("start monitoring")).as("monitoring after main").isGreaterThan(order.indexOf("ready main"));
    }

    private Declared component(String name, Set<String> dependencies, java.util.function.Consumer<String> start) {
        return new Declared(name, dependencies, events, start);
    }

    private static void meet(CountDownLatch latch) {
        latch.countDown();
        try {
            if (!latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the other component never started alongside");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Reconciler.Outcome> byName(List<Reconciler.Outcome> outcomes) {
        return outcomes.stream().collect(java.util.stream.Collectors.toMap(Reconciler.Outcome::component, o -> o));
    }
}
