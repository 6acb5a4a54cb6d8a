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
}
