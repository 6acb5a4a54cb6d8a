package dev.bazaar.search.node;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs Bazaar's Elasticsearch node as its own process. Elasticsearch ships no distribution that this
 * machine can download, but its jars are on Maven Central; this main starts a real 9.5.3 node from
 * them, so the launcher can run it like any other platform JVM and stop it with SIGTERM.
 *
 * <p>Command: {@code java <target/jvm.options lines> -cp target/search-node.jar:<target/runtime.classpath>
 * dev.bazaar.search.node.SearchNodeMain}. Environment: {@value SearchNodeConfig#HOME} (required),
 * {@value SearchNodeConfig#DATA}, {@value SearchNodeConfig#LOGS}, {@value SearchNodeConfig#MODULES}
 * (default: {@code modules/} beside the jar, i.e. {@code target/modules}; set it when the jar is copied
 * elsewhere), {@value SearchNodeConfig#HTTP_PORT} and {@value SearchNodeConfig#TRANSPORT_PORT}; see
 * {@link SearchNodeConfig} for defaults and {@link SearchNodeSettings} for the node settings (single
 * node on 127.0.0.1; disk watermarks off, so a nearly full disk never makes the index read-only).
 * Ready when {@code GET /_cluster/health?wait_for_status=yellow&timeout=1s} answers 200 (408 before).
 *
 * <p>JVM options ({@code target/jvm.options}, one per line, written by the build): the heap
 * {@code -Xms256m -Xmx512m} and {@code -XX:MaxDirectMemorySize=256m} (half the heap, as Elasticsearch's
 * launcher sizes it); {@code --enable-native-access=ALL-UNNAMED} (Lucene calls native code through
 * the FFM API; JDK 25 warns without it); {@code --add-modules=jdk.incubator.vector} (vectorized
 * Lucene, else a warning); {@code -Dio.netty.noUnsafe=true} and
 * {@code -Dio.netty.recycler.maxCapacityPerThread=0} (Elasticsearch's own Netty settings; the first also
 * keeps JDK 25 quiet about sun.misc.Unsafe, so {@code --sun-misc-unsafe-memory-access=allow} is not
 * needed, though harmless); {@code -Dfile.encoding=UTF-8}, {@code -Djava.locale.providers=CLDR},
 * {@code -XX:-OmitStackTraceInFastThrow}; the collector is the launcher's (its JVM profile). No
 * {@code --add-opens} is needed.
 * Log4j's own switches live in {@code log4j2.component.properties} in the jar. None of the options is
 * required to start; they remove warnings and bound memory.
 *
 * <p>Measured on the 2-core box with JDK 25 (SearchNodeIT): ready 6–8 s after the JVM starts when the
 * machine is quiet, 15–25 s while other builds load it; RSS ≈ 355–380 MiB with that heap; stops in
 * under 1 s on SIGTERM. Elasticsearch's native libraries (libvec, zstd) come only with its
 * distribution, so native access is off: no {@code best_compression} codec, no mlockall, scalar
 * vector code; none of that touches the core features Bazaar uses.
 *
 * <p>Exit codes: 2 when a variable is invalid (the message names it), 1 when the node does not start
 * (e.g. a port in use), 143 after SIGTERM (the node is closed first, bounded by {@link #CLOSE_TIMEOUT}).
 */
public final class SearchNodeMain {

    private static final Logger log = LogManager.getLogger(SearchNodeMain.class);

    static final int EXIT_START_FAILED = 1;
    static final int EXIT_BAD_CONFIG = 2;
    /** How long the shutdown hook waits for the node's threads after closing it. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private SearchNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.setDefaultUncaughtExceptionHandler(SearchNodeMain::uncaught);
        SearchNodeConfig config = configOrExit();
        long begin = System.nanoTime();
        log.info("search node starting: http port {}, transport port {}, data {}, modules {}",
                config.httpPort(), config.transportPort(), config.data(), config.modules());
        SearchNode node = startOrExit(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, stopped), "search-node-shutdown"));
        log.info("search node ready on {} in {} ms (cluster {}, node {})", node.httpAddress(), millisSince(begin),
                SearchNodeSettings.CLUSTER_NAME, SearchNodeSettings.NODE_NAME);
        // Elasticsearch's threads are daemons: this one keeps the JVM alive until SIGTERM
        stopped.await();
    }

    private static SearchNodeConfig configOrExit() {
        try {
            return SearchNodeConfig.fromEnvironment(System.getenv(), defaultModules());
        } catch (SearchNodeConfigException e) {
            log.error("search node not started: {}", e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            throw e;
        }
    }

    private static SearchNode startOrExit(SearchNodeConfig config) {
        try {
            return SearchNode.start(config);
        } catch (RuntimeException e) {
            log.error("search node not started: {}", e.getMessage(), e);
            System.exit(EXIT_START_FAILED);
            throw e;
        }
    }

    private static void stop(SearchNode node, CountDownLatch stopped) {
        long begin = System.nanoTime();
        log.info("search node stopping");
        try {
            if (node.close(CLOSE_TIMEOUT)) {
                log.info("search node stopped in {} ms", millisSince(begin));
            } else {
                log.warn("search node closed, but some threads still ran after {} s", CLOSE_TIMEOUT.toSeconds());
            }
        } catch (IOException | RuntimeException e) {
            log.error("search node did not close cleanly", e);
        } catch (InterruptedException e) {
            log.warn("interrupted while waiting for the search node to stop");
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            // log4j's own shutdown hook is off (log4j2.component.properties) so that the lines above are written
            LogManager.shutdown();
        }
    }

    /** {@code modules/} in the folder of the jar (or classes folder) this class was loaded from. */
    static Path defaultModules() {
        try {
            Path location = Path.of(SearchNodeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().resolve("modules");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the search-node jar", e);
        }
    }

    private static void uncaught(Thread thread, Throwable e) {
        log.error("uncaught exception in thread {}", thread.getName(), e);
        if (e instanceof VirtualMachineError) {
            // as Elasticsearch does: after an OutOfMemoryError or the like, the node's state is unknown
            Runtime.getRuntime().halt(EXIT_START_FAILED);
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
