package dev.bazaar.platform.kafka;

/**
 * One KRaft node (broker and controller in one process): its id, the two ports it listens on and
 * the port of its metrics for Prometheus.
 */
public record KafkaNode(String cluster, int id, int brokerPort, int controllerPort, int metricsPort) {

    public static final String HOST = "127.0.0.1";

    /** The component name, also the name of its certificate, data folder and log. */
    public String name() {
        return cluster + "-" + id;
    }

    public String brokerAddress() {
        return HOST + ":" + brokerPort;
    }
}
