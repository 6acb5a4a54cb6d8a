package dev.bazaar.platform.metrics;

import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.process.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Prometheus JMX exporter attached to a JVM as a Java agent: its metrics on a loopback port over
 * HTTPS (the certificate issued for {@value #IDENTITY}) with HTTP basic authentication as Prometheus'
 * scrape user, named by the rules in {@code prometheus/jmx/}. The agent reads one file: the rules
 * followed by its {@code httpServer} settings, written per port under {@code var/conf/metrics} (0600:
 * it holds the scrape password and the keystore's).
 */
public record MetricsAgent(Path agentJar, int port, Path rules, RuntimeLayout layout) {

    /** The TLS identity every agent presents. */
    public static final String IDENTITY = "metrics";

    /** The {@code -javaagent} option, writing the agent's configuration first. */
    public String javaagentOption() {
        return javaagentOption(KafkaNode.HOST);
    }

    /** The same, its endpoint on {@code bindHost} (in a container: every interface). */
    public String javaagentOption(String bindHost) {
        return "-javaagent:" + agentJar + "=" + bindHost + ":" + port + ":" + writeConfig();
    }

    public String url() {
        return "https://127.0.0.1:" + port + "/metrics";
    }

    private Path writeConfig() {
        Path file = layout.confDir("metrics").resolve("agent-" + port + ".yml");
        String keystorePassword = PlatformTls.keystorePassword(layout);
        String httpServer = "\n# written by ./bazaar up: HTTPS and basic authentication of the exporter's endpoint\n"
                + "httpServer:\n"
                + "  ssl:\n"
                + "    keyStore:\n"
                + "      filename: " + quoted(PlatformTls.keystore(layout, IDENTITY).toString()) + "\n"
                + "      password: " + quoted(keystorePassword) + "\n"
                + "    certificate:\n"
                + "      alias: " + IDENTITY + "\n"
                + "  authentication:\n"
                + "    basic:\n"
                + "      username: " + quoted(HttpUser.METRICS.name()) + "\n"
                + "      password: " + quoted(HttpUser.METRICS.password(layout)) + "\n";
        try {
            PrivateFiles.write(file, Files.readString(rules) + httpServer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exporter rules " + rules, e);
        }
        return file;
    }

    /** A YAML single-quoted scalar: generated passwords and paths hold no quote, but a quote would be doubled. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The agent and a rules file, before a port is chosen: one per kind of process. */
    public record Rules(Path agentJar, Path rules, RuntimeLayout layout) {

        public MetricsAgent on(int port) {
            return new MetricsAgent(agentJar, port, rules, layout);
        }
    }
}
