package dev.bazaar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NodePropertiesTest {

    private final List<KafkaNode> quorum = List.of(new KafkaNode("main", 1, 9092, 9095, 9101),
            new KafkaNode("main", 2, 9093, 9096, 9102), new KafkaNode("main", 3, 9094, 9097, 9103));
    private final Map<String, String> props = NodeProperties.of(quorum.get(0), quorum, Path.of("/d"), Path.of("/k.p12"),
            new NodeTls(Path.of("/t.p12"), "tp", "kp"), "brokerpw");

    @Test
    void noListenerIsPlaintextAndControllersRequireClientCertificates() {
        assertThat(props.get("listeners")).as("listeners").isEqualTo("SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9095");
        assertThat(props.get("listener.security.protocol.map")).as("protocols")
                .isEqualTo("SASL_SSL:SASL_SSL,CONTROLLER:SSL").doesNotContain("PLAINTEXT");
        assertThat(props).as("node settings")
                .containsEntry("listener.name.controller.ssl.client.auth", "required")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("ssl.endpoint.identification.algorithm", "https")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9095,2@127.0.0.1:9096,3@127.0.0.1:9097");
    }

    @Test
    void brokersAuthenticateToEachOtherAsTheirOwnPrincipalNotAsAdmin() {
        assertThat(props).as("inter-broker settings")
                .containsEntry("inter.broker.listener.name", "SASL_SSL")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"kafka-broker\""
                                + " password=\"brokerpw\";");
        assertThat(props.values()).as("settings naming admin as a login")
                .noneMatch(value -> value.contains("username=\"admin\""));
    }

    @Test
    void denyByDefaultWithOnlyAdminNodesAndBrokersAsSuperUsers() {
        assertThat(props).as("authorization")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:admin;User:kafka-node;User:kafka-broker")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void principalMappingRuleMapsNodeCertificatesOnly() {
        // the rule as Kafka reads it: RULE:<regex>/<replacement>/
        String rule = props.get("ssl.principal.mapping.rules");
        Matcher parts = Pattern.compile("RULE:(.*)/(.*)/,DEFAULT").matcher(rule);
        assertThat(parts.matches()).as("rule shape %s", rule).isTrue();
        Pattern regex = Pattern.compile(parts.group(1));
        assertThat(regex.matcher("CN=main-2,OU=kafka-node,O=Bazaar").matches()).as("a node certificate").isTrue();
        assertThat(regex.matcher("CN=registry,OU=service,O=Bazaar").matches()).as("a service certificate").isFalse();
    }

    @Test
    void singleNodeClusterReplicatesOnce() {
        KafkaNode mirror = new KafkaNode("mirror", 1, 9192, 9193, 9194);
        Map<String, String> single = NodeProperties.of(mirror, List.of(mirror), Path.of("/d"), Path.of("/k"),
                new NodeTls(Path.of("/t"), "tp", "kp"), "pw");
        assertThat(single).as("mirror node").containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1").containsEntry("offsets.topic.replication.factor", "1");
    }

    @Test
    void inContainersEachNodeIsItsOwnHostAndTheHostReachesItOnASecondSaslSslListener() {
        // given the nodes as compose/ runs them: the same in-network ports, each its own host
        List<KafkaNode> nodes = List.of(new KafkaNode("main", 1, 29092, 29093, 9101),
                new KafkaNode("main", 2, 29092, 29093, 9102));
        Map<String, String> second = NodeProperties.of(NodeNetwork.containers(node -> 9091 + node.id()), nodes.get(1),
                nodes, Path.of("/bazaar/var/data/main-2"), Path.of("/k"), new NodeTls(Path.of("/t"), "tp", "kp"), "pw");

        // then it binds every interface, is advertised at its name, and at localhost on its own port for the host
        assertThat(second).as("node in a container")
                .containsEntry("listeners", "SASL_SSL://0.0.0.0:29092,CONTROLLER://0.0.0.0:29093,EXTERNAL://0.0.0.0:9093")
                .containsEntry("advertised.listeners", "SASL_SSL://main-2:29092,EXTERNAL://localhost:9093")
                .containsEntry("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SSL,EXTERNAL:SASL_SSL")
                .containsEntry("controller.quorum.voters", "1@main-1:29093,2@main-2:29093")
                .containsEntry("inter.broker.listener.name", "SASL_SSL")
                .containsEntry("listener.name.external.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        // and the external listener's login module holds no credential: brokers use the inter-broker one only
        assertThat(second.get("listener.name.external.scram-sha-512.sasl.jaas.config")).doesNotContain("password");
    }
}
