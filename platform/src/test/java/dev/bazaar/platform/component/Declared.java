package dev.bazaar.platform.component;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.process.ManagedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** A component of the tests: it records when it starts and becomes ready, and does what its start is told. */
final class Declared implements Component {

    private final String name;
    private final Set<String> dependencies;
    private final boolean startsLast;
    private final Optional<String> unavailable;
    private final Consumer<String> start;
    private final ConcurrentLinkedQueue<String> events;

    Declared(String name, Set<String> dependencies, ConcurrentLinkedQueue<String> events, Consumer<String> start) {
        this(name, dependencies, false, Optional.empty(), events, start);
    }

    Declared(String name, Set<String> dependencies, boolean startsLast, Optional<String> unavailable,
            ConcurrentLinkedQueue<String> events, Consumer<String> start) {
        this.name = name;
        this.dependencies = dependencies;
        this.startsLast = startsLast;
        this.unavailable = unavailable;
        this.start = start;
        this.events = events;
    }

    static Declared of(String name, String... dependencies) {
        return new Declared(name, Set.of(dependencies), new ConcurrentLinkedQueue<>(), n -> { });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> dependencies() {
        return dependencies;
    }

    @Override
    public boolean startsLast() {
        return startsLast;
    }

    @Override
    public Optional<String> unavailable() {
        return unavailable;
    }

    @Override
    public boolean up(StartContext context) {
        events.add("start " + name);
        start.accept(name);
        events.add("ready " + name);
        return true;
    }

    @Override
    public List<String> stop() {
        events.add("stop " + name);
        return List.of();
    }

    @Override
    public List<ComponentStatus> status() {
        return List.of();
    }

    @Override
    public List<ManagedProcess> processes() {
        return List.of();
    }

    static StartContext context() {
        return new StartContext(java.util.Map.of(), new Progress(new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())), Duration.ofSeconds(5), List.of());
    }
}
