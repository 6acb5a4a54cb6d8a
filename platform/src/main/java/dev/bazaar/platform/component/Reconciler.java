package dev.bazaar.platform.component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a selected set of components to ready: each starts as soon as the components it depends
 * on are ready, independent ones together, so that {@code up} takes as long as its longest chain
 * rather than the sum. A component whose dependency failed or cannot run is skipped, saying why;
 * the others still start.
 */
public final class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** What became of one component: ready (and how long it took), skipped, or failed. */
    public record Outcome(String component, State state, boolean started, Duration waited, Duration toReady,
            String detail) {

        public boolean ready() {
            return state == State.READY;
        }
    }

    /** How a component's start ended. */
    public enum State {
        READY, SKIPPED, FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Progress progress;

    public Reconciler(Progress progress) {
        this.progress = progress;
    }

    /** Starts {@code selected} (in an order where every dependency comes first) and returns each one's outcome. */
    public List<Outcome> up(List<Component> selected, StartContext context) {
        long began = System.nanoTime();
        Map<String, CompletableFuture<Outcome>> outcomes = new LinkedHashMap<>();
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Component component : selected) {
                List<CompletableFuture<Outcome>> awaited = awaited(component, selected).stream()
                        .map(name -> required(outcomes, name, component)).toList();
                outcomes.put(component.name(), CompletableFuture.allOf(awaited.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(done -> start(component, awaited, began, context), starters));
            }
            return outcomes.values().stream().map(CompletableFuture::join).toList();
        }
    }

    /** What {@code component} waits for: its dependencies, or everything else selected when it starts last. */
    private static List<String> awaited(Component component, List<Component> selected) {
        if (component.startsLast()) {
            return selected.stream().map(Component::name).filter(name -> !name.equals(component.name())).toList();
        }
        return selected.stream().map(Component::name).filter(component.dependencies()::contains).toList();
    }

    private static CompletableFuture<Outcome> required(Map<String, CompletableFuture<Outcome>> outcomes, String name,
            Component dependent) {
        CompletableFuture<Outcome> outcome = outcomes.get(name);
        if (outcome == null) {
            throw new IllegalStateException(dependent.name() + " is declared before its dependency " + name);
        }
        return outcome;
    }

    private Outcome start(Component component, List<CompletableFuture<Outcome>> awaited, long began,
            StartContext context) {
        Duration waited = since(began);
        Optional<String> missing = awaited.stream().map(CompletableFuture::join)
                .filter(outcome -> !outcome.ready() && component.dependencies().contains(outcome.component()))
                .map(outcome -> outcome.component() + " " + outcome.state()).findFirst();
        if (missing.isPresent()) {
            return skipped(component, waited, "needs " + missing.get());
        }
        Optional<String> unavailable = component.unavailable();
        if (unavailable.isPresent()) {
            return skipped(component, waited, unavailable.get());
        }
        long startedAt = System.nanoTime();
        try {
            boolean started = component.up(context);
            Duration toReady = since(startedAt);
            progress.say(component.name(), "ready%s (%s to ready, at +%s)", address(component), seconds(toReady),
                    seconds(since(began)));
            return new Outcome(component.name(), State.READY, started, waited, toReady, "");
        } catch (RuntimeException e) {
            log.error("{} did not start", component.name(), e);
            progress.say(component.name(), "FAILED after %s: %s", seconds(since(startedAt)), e.getMessage());
            return new Outcome(component.name(), State.FAILED, false, waited, since(startedAt), e.getMessage());
        }
    }

    private Outcome skipped(Component component, Duration waited, String why) {
        progress.say(component.name(), "skipped, %s", why);
        return new Outcome(component.name(), State.SKIPPED, false, waited, Duration.ZERO, why);
    }

    private static String address(Component component) {
        String address = component.address();
        return address.isEmpty() ? "" : " at " + address;
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** {@code 12.3 s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
