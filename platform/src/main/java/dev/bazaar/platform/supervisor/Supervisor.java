package dev.bazaar.platform.supervisor;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.Response;
import dev.bazaar.common.http.RouteRequest;
import dev.bazaar.common.http.SecureHttpServer;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.ReconcileLock;
import dev.bazaar.platform.component.Reconciler;
import dev.bazaar.platform.process.AotCacheCreator;
import dev.bazaar.platform.process.AotCaches;
import dev.bazaar.platform.supervisor.RestartPolicy.CrashLoop;
import dev.bazaar.platform.supervisor.RestartPolicy.Decision;
import dev.bazaar.platform.supervisor.RestartPolicy.Restart;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the platform running without anyone running {@code up}: every half second it looks at the
 * processes of each selected component and restarts a component whose process died, one restart
 * at a time, with back-off and crash-loop detection ({@link RestartPolicy}). A component taken down
 * with {@code bazaar stop} is left alone. Its counters are served to Prometheus on HTTPS. While
 * nothing starts, it also creates the AOT caches of the JVMs' recorded training runs ({@link AotCacheCreator}).
 */
public final class Supervisor {

    public static final String COMPONENT = "supervisor";
    static final Duration TICK = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final Supplier<List<Component>> selected;
    private final BiFunction<String, PrintStream, Reconciler.Outcome> revive;
    private final RuntimeLayout layout;
    private final SupervisorState state;
    private final RestartPolicy policy;
    private final Clock clock;
    private final PrintStream out;
    private final Map<String, AtomicLong> restarts = new ConcurrentHashMap<>();
    private final Map<String, Double> lastRestartSeconds = new ConcurrentHashMap<>();
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();
    private final AotCacheCreator aotCaches;
    private final ExecutorService restarter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "restarter");
        thread.setDaemon(true);
        return thread;
    });

    public Supervisor(Platform platform, RestartPolicy policy, Clock clock, PrintStream out) {
        this(platform::selected, platform::revive, platform.layout(), policy, clock, out);
    }

    /**
     * A supervisor of the components {@code selected} gives at each look, bringing one back with
     * {@code revive}, its marks and counters under {@code layout}.
     */
    public Supervisor(Supplier<List<Component>> selected, BiFunction<String, PrintStream, Reconciler.Outcome> revive,
            RuntimeLayout layout, RestartPolicy policy, Clock clock, PrintStream out) {
        this.selected = selected;
        this.revive = revive;
        this.layout = layout;
        this.state = new SupervisorState(layout);
        this.policy = policy;
        this.clock = clock;
        this.out = out;
        this.aotCaches = new AotCacheCreator(AotCaches.dir(layout), layout.logFile("aot"), clock);
    }

    /** Watches until interrupted, serving its metrics on {@code port}. */
    public void run(int port) throws InterruptedException {
        try (SecureHttpServer server = routes().start(layout, port)) {
            log.info("supervising {} (metrics on port {})", selected.get().stream().map(Component::name).toList(),
                    server.port());
            watch();
        }
    }

    /** Looks every {@link #TICK} until interrupted. */
    public void watch() throws InterruptedException {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                tick();
                Thread.sleep(TICK.toMillis());
            }
        } finally {
            restarter.shutdownNow();
            aotCaches.close();
        }
    }

    /**
     * One look at every selected component: restarts (in the background) those found dead; when none
     * is restarting, creates the next pending AOT cache. No look while {@code up}, {@code start} or a
     * restart holds the reconcile lock: what runs is changing.
     */
    void tick() {
        if (ReconcileLock.busy(layout.runDir().resolve(Platform.RECONCILE_LOCK))) {
            return;
        }
        for (Component component : selected.get()) {
            String name = component.name();
            if (!watched(component) || restarting.contains(name) || !dead(component)) {
                continue;
            }
            Instant now = clock.instant();
            Decision decision = policy.onDeath(name, now);
            if (decision instanceof Restart restart) {
                policy.restarted(name, now);
                restarts.computeIfAbsent(name, key -> new AtomicLong()).incrementAndGet();
                restarting.add(name);
                log.warn("{} died: restart {} of the window", name, restart.attempt());
                restarter.submit(() -> revive(name, now));
            } else if (decision instanceof CrashLoop loop) {
                String why = "died again after " + loop.restarts() + " restarts within " + loop.window().toMinutes()
                        + " min; start it with ./bazaar start " + name;
                state.crashLoop(name, why);
                log.error("{} is crash-looping, no more restarts: {}", name, why);
            }
        }
        if (restarting.isEmpty()) {
            createAotCache();
        }
    }

    /**
     * Creates the next AOT cache whose training run was recorded, in the background, one at a time:
     * only now, with {@code up} done and nothing restarting, so that it takes no CPU from a start.
     */
    private void createAotCache() {
        try {
            aotCaches.createNextInBackground();
        } catch (RuntimeException e) {
            log.warn("cannot look for AOT caches to create: {}", e.toString());
        }
    }

    /** Watched: it has processes of its own, can run here, and nobody took it down on purpose or gave up on it. */
    private boolean watched(Component component) {
        return !component.processes().isEmpty() && component.unavailable().isEmpty() && !state.held(component.name())
                && state.crashLooping(component.name()).isEmpty();
    }

    private static boolean dead(Component component) {
        return component.processes().stream().anyMatch(process -> process.running().isEmpty());
    }

    private void revive(String name, Instant foundDead) {
        try {
            if (state.held(name)) {
                log.info("{} was taken down on purpose meanwhile: not restarted", name);
                return;
            }
            Reconciler.Outcome outcome = revive.apply(name, out);
            double seconds = Duration.between(foundDead, clock.instant()).toMillis() / 1000.0;
            lastRestartSeconds.put(name, seconds);
            log.info("{} restarted: {} {} s after it was found dead ({})", name, outcome.state(), seconds,
                    outcome.detail());
        } catch (RuntimeException e) {
            log.error("restart of {} failed", name, e);
        } finally {
            restarting.remove(name);
        }
    }

    private SecureHttpServer.Builder routes() {
        return SecureHttpServer.builder(COMPONENT)
                .get("/health", Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS),
                        request -> Response.json(200, "{\"status\":\"UP\"}"))
                .get("/metrics", Access.users(HttpUser.METRICS, HttpUser.ADMIN), this::metrics);
    }

    /** The metrics Prometheus scrapes, as text (what {@code GET /metrics} answers). */
    String metricsText() {
        return new String(metrics(null).body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code bazaar_component_restarts_total}, {@code bazaar_component_crash_loop} and the last restart's duration. */
    private Response metrics(RouteRequest request) {
        Map<String, Component> components = new TreeMap<>();
        selected.get().stream().filter(component -> !component.processes().isEmpty())
                .forEach(component -> components.put(component.name(), component));
        StringBuilder text = new StringBuilder();
        text.append("# HELP bazaar_component_restarts_total Restarts of the component by the supervisor.\n")
                .append("# TYPE bazaar_component_restarts_total counter\n");
        components.keySet().forEach(name -> text.append(sample("bazaar_component_restarts_total", name,
                restarts.getOrDefault(name, new AtomicLong()).get())));
        text.append("# HELP bazaar_component_crash_loop 1 when the supervisor gave up restarting the component.\n")
                .append("# TYPE bazaar_component_crash_loop gauge\n");
        components.keySet().forEach(name -> text.append(sample("bazaar_component_crash_loop", name,
                state.crashLooping(name).isPresent() ? 1 : 0)));
        text.append("# HELP bazaar_component_held 1 when the component was taken down with bazaar stop.\n")
                .append("# TYPE bazaar_component_held gauge\n");
        components.keySet().forEach(name -> text.append(sample("bazaar_component_held", name,
                state.held(name) ? 1 : 0)));
        text.append("# HELP bazaar_component_last_restart_seconds From found dead to ready, at the last restart.\n")
                .append("# TYPE bazaar_component_last_restart_seconds gauge\n");
        lastRestartSeconds.forEach((name, seconds) -> text.append(sample("bazaar_component_last_restart_seconds",
                name, seconds)));
        return Response.text(200, "text/plain; version=0.0.4", text.toString());
    }

    private static String sample(String metric, String component, Number value) {
        return metric + "{component=\"" + component + "\"} " + value + "\n";
    }
}
