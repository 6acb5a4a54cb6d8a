package dev.bazaar.platform.kafka;

import dev.bazaar.common.KafkaConnection;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The server.properties of one node. Clients and brokers talk SASL_SSL with SCRAM-SHA-512, brokers
 * as their own principal {@link #BROKER}, never as {@code admin}; controllers talk mutual TLS, their
 * certificates mapped to one super-user principal, because SCRAM credentials live in the quorum that
 * controllers have to form first. Deny by default.
 */
public final class NodeProperties {

    /** The principal every node certificate maps to on the controller listener. */
    static final String NODE_PRINCIPAL = "kafka-node";
    static final String NODE_UNIT = "kafka-node";
    static final String ADMIN = "admin";
    /** The SCRAM principal brokers replicate and send transaction markers as; also its secret's name. */
    static final String BROKER = "kafka-broker";
    /** The name of the second SASL_SSL listener nodes in containers have for clients outside their network. */
    static final String EXTERNAL = "EXTERNAL";

    private NodeProperties() {
    }

    /**
     * The settings of {@code node} of the embedded platform, whose quorum is {@code voters}; its broker
     * authenticates to the other brokers as {@link #BROKER} with {@code brokerPassword}.
     */
    static Map<String, String> of(KafkaNode node, List<KafkaNode> voters, Path dataDir, Path keystore,
            NodeTls tls, String brokerPassword) {
        return of(NodeNetwork.loopback(), node, voters, dataDir, keystore, tls, brokerPassword);
    }

    /**
     * The settings of {@code node} on {@code network}; the paths are as the node's process sees them (in
     * a container, where the runtime folder is mounted).
     */
    public static Map<String, String> of(NodeNetwork network, KafkaNode node, List<KafkaNode> voters, Path dataDir,
            Path keystore, NodeTls tls, String brokerPassword) {
        Map<String, String> p = new LinkedHashMap<>();
        String host = network.hostOf().apply(node);
        Optional<Integer> external = network.externalPortOf().apply(node);
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node.id()));
        p.put("controller.quorum.voters", voters.stream()
                .map(v -> v.id() + "@" + network.hostOf().apply(v) + ":" + v.controllerPort())
                .collect(Collectors.joining(",")));
        p.put("listeners", "SASL_SSL://" + network.bindHost() + ":" + node.brokerPort()
                + ",CONTROLLER://" + network.bindHost() + ":" + node.controllerPort()
                + external.map(port -> "," + EXTERNAL + "://" + network.bindHost() + ":" + port).orElse(""));
        p.put("advertised.listeners", "SASL_SSL://" + host + ":" + node.brokerPort()
                + external.map(port -> "," + EXTERNAL + "://localhost:" + port).orElse(""));
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SSL"
                + external.map(port -> "," + EXTERNAL + ":SASL_SSL").orElse(""));
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", dataDir.toString());
        security(p, keystore, tls, brokerPassword);
        // a SASL listener needs a login module of its own; the broker credential is for the inter-broker one only
        external.ifPresent(port -> p.put("listener.name.external.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
        replication(p, voters.size());
        timeouts(p);
        return p;
    }

    private static void security(Map<String, String> p, Path keystore, NodeTls tls, String brokerPassword) {
        p.put("sasl.enabled.mechanisms", KafkaConnection.SASL_MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", KafkaConnection.SASL_MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                KafkaConnection.jaasConfig(BROKER, brokerPassword));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", keystore.toString());
        p.put("ssl.keystore.password", tls.storePassword());
        p.put("ssl.key.password", tls.storePassword());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", tls.truststore().toString());
        p.put("ssl.truststore.password", tls.truststorePassword());
        p.put("ssl.endpoint.identification.algorithm", "https");
        p.put("listener.name.controller.ssl.client.auth", "required");
        p.put("ssl.principal.mapping.rules",
                "RULE:^CN=[a-z0-9-]+,OU=" + NODE_UNIT + ",O=Bazaar$/" + NODE_PRINCIPAL + "/,DEFAULT");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        // brokers replicate every partition and send transaction markers (CLUSTER_ACTION and more)
        p.put("super.users", "User:" + ADMIN + ";User:" + NODE_PRINCIPAL + ";User:" + BROKER);
    }

    private static void replication(Map<String, String> p, int nodes) {
        int rf = Math.min(3, nodes);
        int minIsr = Math.max(1, rf - 1);
        p.put("num.partitions", "3");
        p.put("default.replication.factor", Integer.toString(rf));
        p.put("min.insync.replicas", Integer.toString(minIsr));
        p.put("offsets.topic.replication.factor", Integer.toString(rf));
        p.put("transaction.state.log.replication.factor", Integer.toString(rf));
        p.put("transaction.state.log.min.isr", Integer.toString(minIsr));
        p.put("auto.create.topics.enable", "false");
        // 12 instead of 50: a laptop-sized platform loads far fewer logs at every start
        p.put("offsets.topic.num.partitions", "12");
        p.put("transaction.state.log.num.partitions", "12");
        p.put("unclean.leader.election.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
    }

    /**
     * A dead node is fenced after 3 s instead of the default 9 s, and a dead quorum leader is
     * replaced after about 1.5-2.5 s instead of 2-3 s, which bounds how long producers stall on its
     * partitions (measured by the durability test).
     */
    private static void timeouts(Map<String, String> p) {
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("controller.quorum.fetch.timeout.ms", "1500");
        p.put("controller.quorum.election.timeout.ms", "750");
        p.put("replica.lag.time.max.ms", "10000");
    }
}
