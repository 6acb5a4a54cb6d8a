package dev.bazaar.promo;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * promo as a process: store campaigns joined with their subscribers into notifications, exactly once
 * ({@link dev.bazaar.promo.topology.PromoTopology}). Reads at start the id of the notifications' schema
 * from the registry and the partitions of {@code promo-campaigns}, which both repartition topics take.
 *
 * <p>Environment: {@code BAZAAR_VAR} (runtime folder, default {@code var}), {@code BAZAAR_HTTP_PORT}
 * (HTTPS of {@code /health} and {@code /prometheus}, default 9087), {@code BAZAAR_INSTANCE} (instance n of
 * {@code bazaar scale} keeps its state in {@code var/data/promo-<n>}), and those of
 * {@link KafkaConnection#resolve} and {@link RegistryConnection#resolve} for external clusters.
 * Exit codes: 0 stopped by SIGTERM, 1 failed.
 */
public final class PromoApp {

    public static final String COMPONENT = "promo";
    public static final String PRINCIPAL = "promo";
    private static final Logger log = LoggerFactory.getLogger(PromoApp.class);

    private PromoApp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        RuntimeLayout layout = new RuntimeLayout(Path.of(env.getOrDefault("BAZAAR_VAR", "var")));
        int port = Integer.parseInt(env.getOrDefault("BAZAAR_HTTP_PORT", "9087"));
        PromoService service;
        try {
            KafkaConnection connection = KafkaConnection.resolve(env, layout, Cluster.MAIN, PRINCIPAL);
            String subject = Topics.PROMO_NOTIFICATIONS + "-value";
            int schemaId = new RegistrySubjects(RegistryConnection.resolve(env, layout, RegistryUser.READONLY))
                    .latest(subject, "'./bazaar setup apply' (run by './bazaar up') registers "
                            + "setup/schemas/promo-notifications.json under it").id();
            service = PromoService.start(connection, layout, stateDir(layout, env.get("BAZAAR_INSTANCE")), port,
                    partitions(connection), schemaId);
        } catch (IllegalStateException e) {
            log.error("promo cannot start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            service.close();
        }, "promo-stop"));
        Optional<Throwable> failure = service.awaitStopped();
        if (!stopping.get()) {
            service.close();
            failure.ifPresent(e -> log.error("promo failed: {}", e.getMessage()));
            System.exit(1);
        }
    }

    /** {@code var/data/promo} for the first instance, {@code var/data/promo-<n>} for the others. */
    static Path stateDir(RuntimeLayout layout, String instance) {
        if (instance == null || instance.isBlank() || instance.strip().equals("1")) {
            return layout.dataDir(COMPONENT);
        }
        return layout.dataDir(COMPONENT + "-" + Integer.parseInt(instance.strip()));
    }

    private static int partitions(KafkaConnection connection) throws Exception {
        try (Admin admin = Admin.create(connection.clientProperties())) {
            return admin.describeTopics(List.of(Topics.PROMO_CAMPAIGNS)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(Topics.PROMO_CAMPAIGNS).partitions().size();
        }
    }
}
