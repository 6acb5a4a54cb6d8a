package dev.bazaar.dedup.app;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic de-duplicating app as a process: any topic of plain-JSON or registry-JSON values (or any
 * values at all, keyed by the record key) into the first copy of each record within the retention, exactly
 * once (Kafka Streams exactly_once_v2), later copies dropped and counted or routed to a topic of their own.
 * The events pipeline is one configuration of it ({@code product-events-raw} into {@code product-events}
 * as principal and application {@code dedup}); {@code bazaar dedup run} is another.
 *
 * <p>Configuration: {@link DedupConfig} from {@code BAZAAR_DEDUP_*} (and the file {@code BAZAAR_DEDUP_CONFIG}
 * names), checked before anything connects. Besides: {@code BAZAAR_VAR} (runtime folder, default {@code var}:
 * the principal's secret, the certificate, the state), {@code BAZAAR_HTTP_PORT} (HTTPS of {@code /health}
 * and {@code /prometheus}; unset: none), {@code BAZAAR_INSTANCE} (instance n of {@code bazaar scale} keeps
 * its state in {@code var/data/dedup-<n>}), and those of {@link KafkaConnection#resolve} for an external cluster.
 *
 * <p>Records that cannot be keyed — no record key, a value that is not a JSON object, a key field absent
 * or null — go to {@code dead.letter} when it is set (unchanged, with headers {@code dedup.error},
 * {@code dedup.error.topic|partition|offset}); without one, such a record stops the app, naming it. It is
 * never dropped silently, and never passed to {@code to} unchecked: a record the app cannot identify could
 * be a copy, and the only promise of {@code to} is that it holds none.
 *
 * <p>Scale-out: a second instance with the same application id takes half the partitions (the state
 * folder is per instance). Memory: the store lives on disk, its off-heap memory bounded by
 * {@link dev.bazaar.dedup.BoundedRocksDb}. Exit codes: 0 stopped by SIGTERM, 1 failed, 2 bad configuration.
 */
public final class DedupApp {

    /** The component's name: its folder under {@code var/data} and the identity of its certificate. */
    public static final String COMPONENT = "dedup";
    private static final Logger log = LoggerFactory.getLogger(DedupApp.class);

    private DedupApp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        DedupConfig config;
        try {
            config = DedupConfig.fromEnvironment(env);
        } catch (ConfigException e) {
            log.error("dedup: bad configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        RuntimeLayout layout = new RuntimeLayout(Path.of(env.getOrDefault("BAZAAR_VAR", "var")));
        DedupService service;
        try {
            KafkaConnection connection = Connections.of(env, layout, config.principal());
            Path stateDir = config.stateDir().orElse(stateDir(layout, env.get("BAZAAR_INSTANCE")));
            service = DedupService.start(config, connection, stateDir,
                    config.httpPort().map(port -> new DedupService.HttpEdge(layout, port)));
        } catch (IllegalStateException e) {
            log.error("dedup {} cannot start: {}", config.applicationId(), e.getMessage(), e);
            System.exit(1);
            return;
        }
        System.exit(runUntilStopped(service));
    }

    /**
     * Runs {@code service} until the JVM is told to stop (SIGTERM, Ctrl-C: 0, after a clean close) or the
     * service fails (1).
     */
    public static int runUntilStopped(DedupService service) throws InterruptedException {
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            service.close();
        }, "dedup-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Optional<Throwable> failure = service.awaitStopped();
        if (stopping.get()) {
            return 0;
        }
        service.close();
        failure.ifPresent(e -> log.error("dedup {} failed: {}", service.applicationId(), e.getMessage()));
        return 1;
    }

    /**
     * The state folder of instance {@code instance} ({@code BAZAAR_INSTANCE}, set by {@code bazaar scale}):
     * {@code var/data/dedup} for the first, {@code var/data/dedup-<n>} for the others — two instances cannot
     * share one (Streams locks it). Streams keeps each application id in a folder of its own below it.
     */
    public static Path stateDir(RuntimeLayout layout, String instance) {
        if (instance == null || instance.isBlank() || instance.strip().equals("1")) {
            return layout.dataDir(COMPONENT);
        }
        return layout.dataDir(COMPONENT + "-" + Integer.parseInt(instance.strip()));
    }
}
