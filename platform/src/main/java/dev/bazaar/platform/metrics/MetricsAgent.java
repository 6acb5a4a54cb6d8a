package dev.bazaar.platform.metrics;

import java.nio.file.Path;

/**
 * The Prometheus JMX exporter attached to a JVM as a Java agent: its metrics on a loopback port,
 * named by the rules in {@code prometheus/jmx/}.
 */
public record MetricsAgent(Path agentJar, int port, Path rules) {

    public String javaagentOption() {
        return "-javaagent:" + agentJar + "=127.0.0.1:" + port + ":" + rules;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/metrics";
    }

    /** The agent and a rules file, before a port is chosen: one per kind of process. */
    public record Rules(Path agentJar, Path rules) {

        public MetricsAgent on(int port) {
            return new MetricsAgent(agentJar, port, rules);
        }
    }
}
