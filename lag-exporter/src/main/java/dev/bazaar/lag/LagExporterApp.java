package dev.bazaar.lag;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.Response;
import dev.bazaar.common.http.SecureHttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's consumer-group lag exporter as a process (component {@value #COMPONENT}): only Connect
 * and MirrorMaker export their consumers' lag themselves, so without it a Streams app's or a CLI's group
 * would have no lag chart and no alert. It runs as principal {@value #COMPONENT}, which may only
 * DESCRIBE groups and topics (setup/access.yaml), and serves {@code GET /health} to anyone and
 * {@code GET /prometheus} to Prometheus and admin over HTTPS ({@link SecureHttpServer}).
 *
 * <p>Settings: {@link LagExporterConfig}; besides, {@code BAZAAR_VAR} (runtime folder: the principal's
 * secret, the certificate) and those of {@link KafkaConnection#resolve} for external clusters. Exit codes:
 * 0 stopped by SIGTERM, 2 bad configuration.
 */
public final class LagExporterApp {

    public static final String COMPONENT = "lag-exporter";
    private static final Logger log = LoggerFactory.getLogger(LagExporterApp.class);
    /** One poll's deadline per request: a cluster slower than this is reported as not answering. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private LagExporterApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        LagExporterConfig config;
        try {
            config = LagExporterConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            log.error("lag-exporter: bad configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        RuntimeLayout layout = new RuntimeLayout(Path.of(env.getOrDefault("BAZAAR_VAR", "var")));
        List<GroupLagPoller> pollers = new ArrayList<>();
        for (Cluster cluster : config.clusters()) {
            Admin admin = Admin.create(adminConfig(KafkaConnection.resolve(env, layout, cluster, COMPONENT)));
            pollers.add(new GroupLagPoller(cluster.toString(), admin, REQUEST_TIMEOUT, Clock.systemUTC(),
                    config.history()));
        }
        LagExporter exporter = new LagExporter(pollers, Clock.systemUTC());
        SecureHttpServer http = routes(exporter).start(layout, config.httpPort());
        exporter.start(config.interval());
        log.info("lag-exporter: every {} s, clusters {}, https://127.0.0.1:{}/prometheus", config.interval().toSeconds(),
                config.clusters(), http.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
            exporter.close();
            stopped.countDown();
        }, "lag-exporter-stop"));
        stopped.await();
    }

    /** The route table: health to anyone, the metrics to Prometheus and admin. */
    static SecureHttpServer.Builder routes(LagExporter exporter) {
        return SecureHttpServer.builder(COMPONENT)
                .get("/health", Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS),
                        request -> Response.json(200, "{\"status\":\"UP\"}"))
                .get("/prometheus", Access.users(HttpUser.METRICS, HttpUser.ADMIN),
                        request -> Response.text(200, LagMetrics.CONTENT_TYPE, LagMetrics.render(exporter.latest())));
    }

    private static Properties adminConfig(KafkaConnection connection) {
        Properties props = connection.clientProperties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, COMPONENT);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(REQUEST_TIMEOUT.toMillis()));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(REQUEST_TIMEOUT.toMillis()));
        return props;
    }
}
