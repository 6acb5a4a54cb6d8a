package dev.bazaar.platform.monitoring;

import dev.bazaar.platform.kafka.KafkaNode;
import java.util.LinkedHashMap;
import java.util.function.Function;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Progress;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus, Alertmanager and the blackbox exporter (which reads the TLS certificates Prometheus
 * alerts on), from Debian's packages, as plain processes on loopback. Their configuration comes
 * from {@code prometheus/} with this platform's ports and paths filled in; what to scrape is
 * written as one file of targets per job, which Prometheus re-reads when it changes.
 */
public final class Monitoring {

    public static final String PROMETHEUS = "prometheus";
    public static final String ALERTMANAGER = "alertmanager";
    public static final String BLACKBOX = "blackbox-exporter";

    private static final Logger log = LoggerFactory.getLogger(Monitoring.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final RuntimeLayout layout;
    private final Function<String, String> hostOf;
    private final String bindHost;
    /** Where Alertmanager delivers every alert: the console's webhook. */
    private final String consoleWebhook;
    private final PackagedServer prometheus;
    private final PackagedServer alertmanager;
    private final PackagedServer blackbox;

    public Monitoring(Path home, RuntimeLayout layout, int prometheusPort, int alertmanagerPort, int blackboxPort,
            String consoleWebhook) {
        this(home, layout, prometheusPort, alertmanagerPort, blackboxPort, consoleWebhook, server -> KafkaNode.HOST,
                KafkaNode.HOST);
    }

    /**
     * The same, where each server is reached at {@code hostOf} its name and listens on {@code bindHost} (in
     * {@code compose/}: its container's name, every interface).
     */
    public Monitoring(Path home, RuntimeLayout layout, int prometheusPort, int alertmanagerPort, int blackboxPort,
            String consoleWebhook, Function<String, String> hostOf, String bindHost) {
        this.home = home;
        this.consoleWebhook = consoleWebhook;
        this.layout = layout;
        this.hostOf = hostOf;
        this.bindHost = bindHost;
        this.prometheus = new PackagedServer(PROMETHEUS, "prometheus", Path.of("/usr/bin/prometheus"), prometheusPort,
                "/-/ready", layout);
        this.alertmanager = new PackagedServer(ALERTMANAGER, "prometheus-alertmanager",
                Path.of("/usr/bin/prometheus-alertmanager"), alertmanagerPort, "/-/ready", layout);
        this.blackbox = new PackagedServer(BLACKBOX, "prometheus-blackbox-exporter",
                Path.of("/usr/bin/prometheus-blackbox-exporter"), blackboxPort, "/metrics", layout);
    }

    public String prometheusUrl() {
        return prometheus.url();
    }

    public String alertmanagerUrl() {
        return alertmanager.url();
    }

    private List<PackagedServer> servers() {
        return List.of(prometheus, alertmanager, blackbox);
    }

    /** The Debian packages that are not installed; the servers cannot run without them. */
    public List<String> missingPackages() {
        return servers().stream().filter(server -> !server.installed()).map(PackagedServer::debianPackage).toList();
    }

    /** Scrape targets of the servers themselves: Prometheus and Alertmanager. */
    public List<ScrapeTarget> ownTargets() {
        return List.of(new ScrapeTarget("prometheus", address(prometheus), Map.of()),
                new ScrapeTarget("alertmanager", address(alertmanager), Map.of()));
    }

    /**
     * Writes the configuration and the targets, and starts what does not run (without waiting); a
     * running Prometheus reloads its configuration.
     */
    public void start(List<ScrapeTarget> targets, Progress out) {
        Map<String, List<String>> args = configure(targets);
        launch(alertmanager, args.get(ALERTMANAGER), out);
        launch(blackbox, args.get(BLACKBOX), out);
        if (!launch(prometheus, args.get(PROMETHEUS), out)) {
            reloadPrometheus();
        }
    }

    /**
     * Writes the three servers' configurations, web configs and Prometheus' target files; returns each
     * server's command-line arguments by name.
     */
    public Map<String, List<String>> configure(List<ScrapeTarget> targets) {
        writeTargets(targets);
        writeConfig(prometheusConfigFile(), "prometheus.yml", Map.of(
                "targets.dir", targetsDir().toString(),
                "rules.dir", home.resolve("prometheus/rules").toString(),
                "alertmanager.address", address(alertmanager),
                "blackbox.address", address(blackbox),
                "ca.file", layout.caPem().toString(),
                "scrape.user", HttpUser.METRICS.name(),
                "scrape.password.file", scrapePasswordFile().toString()));
        writeConfig(blackboxConfigFile(), "blackbox.yml", Map.of("ca.file", layout.caPem().toString()));
        Path alertmanagerConfig = layout.confDir(ALERTMANAGER).resolve("alertmanager.yml");
        writeConfig(alertmanagerConfig, "alertmanager.yml", Map.of(
                "console.webhook.url", consoleWebhook,
                "ca.file", layout.caPem().toString(),
                "webhook.user", HttpUser.ALERT_WEBHOOK.name(),
                "webhook.password.file", secretFile(HttpUser.ALERT_WEBHOOK).toString()));
        Map<String, List<String>> args = new LinkedHashMap<>();
        args.put(ALERTMANAGER, List.of("--config.file=" + alertmanagerConfig,
                "--storage.path=" + layout.dataDir(ALERTMANAGER), "--web.listen-address=" + listen(alertmanager),
                "--cluster.listen-address=", "--web.config.file=" + alertmanager.webConfig()));
        args.put(BLACKBOX, List.of("--config.file=" + blackboxConfigFile(), "--web.listen-address=" + listen(blackbox),
                "--web.config.file=" + blackbox.webConfig()));
        args.put(PROMETHEUS, List.of("--config.file=" + prometheusConfigFile(),
                "--storage.tsdb.path=" + layout.dataDir(PROMETHEUS).resolve("tsdb"),
                "--storage.tsdb.retention.time=7d", "--web.listen-address=" + listen(prometheus),
                "--web.config.file=" + prometheus.webConfig()));
        return args;
    }

    private String address(PackagedServer server) {
        return hostOf.apply(server.name()) + ":" + server.port();
    }

    private String listen(PackagedServer server) {
        return bindHost + ":" + server.port();
    }

    public void awaitReady(Duration timeout) {
        for (PackagedServer server : servers()) {
            server.awaitReady(timeout);
        }
    }

    /** The processes of Prometheus, Alertmanager and the blackbox exporter. */
    public List<ManagedProcess> processes() {
        return servers().stream().map(PackagedServer::process).toList();
    }

    public List<String> stop() {
        List<String> killed = new ArrayList<>();
        servers().forEach(server -> killed.addAll(server.stop()));
        return killed;
    }

    public List<ComponentStatus> status() {
        return servers().stream().map(PackagedServer::status).toList();
    }

    private static boolean launch(PackagedServer server, List<String> args, Progress out) {
        boolean started = server.launch(args);
        if (started) {
            out.say(server.name(), "starting");
        }
        return started;
    }

    /**
     * Rewrites the target files of a Prometheus that was started, which re-reads them by itself:
     * after {@code bazaar scale}, the new instances are scraped without a restart.
     */
    public void refreshTargets(List<ScrapeTarget> targets) {
        if (Files.isDirectory(targetsDir())) {
            writeTargets(targets);
        }
    }

    /** One target file per job of prometheus.yml; a target of a job it does not have is refused, naming both. */
    private void writeTargets(List<ScrapeTarget> targets) {
        List<String> jobs = PrometheusConfig.jobs(home.resolve("prometheus/prometheus.yml"));
        targets.stream().filter(target -> !jobs.contains(target.job())).findFirst().ifPresent(target -> {
            throw new IllegalStateException("no scrape job '" + target.job() + "' in prometheus/prometheus.yml for "
                    + target.address() + "; its jobs: " + jobs);
        });
        for (String job : jobs) {
            ArrayNode groups = JSON.createArrayNode();
            targets.stream().filter(target -> target.job().equals(job)).forEach(target -> {
                ObjectNode group = groups.addObject();
                group.putArray("targets").add(target.address());
                ObjectNode labels = group.putObject("labels");
                target.labels().forEach(labels::put);
            });
            PrivateFiles.write(targetsDir().resolve(job + ".json"), groups.toPrettyString());
        }
    }

    private void writeConfig(Path file, String template, Map<String, String> values) {
        Path source = home.resolve("prometheus").resolve(template);
        try {
            PrivateFiles.write(file, PrometheusConfig.render(Files.readString(source), values));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * Asks a running Prometheus to read its configuration again with SIGHUP (its lifecycle API is
     * off, so no HTTP caller can reload or stop it); it keeps the old configuration if the new one is bad.
     */
    private void reloadPrometheus() {
        long pid = prometheus.process().running().orElseThrow(() -> new IllegalStateException(
                "Prometheus is not running: nothing to reload")).pid();
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("cannot signal Prometheus (pid " + pid + ") to reload: " + output.strip());
            }
            log.info("Prometheus (pid {}) signalled to reload {}", pid, prometheusConfigFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -HUP " + pid + " to reload Prometheus", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reloading Prometheus", e);
        }
    }

    /** Prometheus' scrape password, generated when missing, in the secrets folder (0600). */
    private Path scrapePasswordFile() {
        return secretFile(HttpUser.METRICS);
    }

    /** The file of {@code user}'s password (generated when it does not exist yet), for a server that reads it itself. */
    private Path secretFile(HttpUser user) {
        user.password(layout);
        return layout.secrets().file(user.secret());
    }

    private Path targetsDir() {
        return layout.confDir(PROMETHEUS).resolve("targets");
    }

    private Path prometheusConfigFile() {
        return layout.confDir(PROMETHEUS).resolve("prometheus.yml");
    }

    private Path blackboxConfigFile() {
        return layout.confDir(BLACKBOX).resolve("blackbox.yml");
    }
}
