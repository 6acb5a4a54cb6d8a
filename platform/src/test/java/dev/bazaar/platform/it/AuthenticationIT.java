package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.kafka.KafkaCluster;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who can connect at all: only a client with the platform CA and a right SCRAM password, over TLS;
 * and the brokers, which talk to each other as their own principal rather than as admin.
 */
@ExtendWith(EmbeddedPlatform.class)
class AuthenticationIT {

    private static final int API_VERSIONS = 18;
    private static final int CORRELATION_ID = 4242;
    /** The principal brokers authenticate to each other as. */
    private static final String BROKER = "kafka-broker";
    /** How long a credential change takes to reach the broker's credential cache. */
    private static final Duration CREDENTIAL_CHANGE = Duration.ofSeconds(30);

    @Test
    void wrongPasswordIsRefusedBySasl(Running platform) {
        // given the shop principal with a wrong password
        KafkaConnection real = KafkaConnection.embedded(platform.layout(), Cluster.MAIN, "shop");
        KafkaConnection wrong = new KafkaConnection(real.bootstrapServers(), "shop", real.password() + "x",
                real.truststore(), real.truststorePassword());

        // when it asks for metadata
        Throwable failure = describeCluster(wrong.clientProperties());

        // then SASL refuses it
        assertThat(Failures.chain(failure)).as("errors of a wrong password")
                .anyMatch(SaslAuthenticationException.class::isInstance);
    }

    @Test
    void clientWithoutThePlatformCaFailsTheHandshake(Running platform) {
        // given a client with the right password but the JDK's default truststore
        Properties props = KafkaConnection.embedded(platform.layout(), Cluster.MAIN, "shop").clientProperties();
        props.remove("ssl.truststore.location");
        props.remove("ssl.truststore.password");
        props.remove("ssl.truststore.type");

        // when it connects
        Throwable failure = describeCluster(props);

        // then the TLS handshake fails
        assertThat(Failures.chain(failure)).as("errors of an untrusted server certificate")
                .anyMatch(SslAuthenticationException.class::isInstance);
    }

    @Test
    void brokersHoldTheirOwnCredentialOnEveryClusterMatchingItsSecret(Running platform) {
        for (Cluster cluster : Cluster.values()) {
            // given the brokers' login as the platform generated it
            KafkaConnection broker = brokerLogin(platform, cluster);

            // when it asks for metadata
            Throwable failure = describeCluster(broker.clientProperties());

            // then the cluster knows the credential
            assertThat(failure).as("failure of the brokers' login on the %s cluster", cluster).isNull();
        }
    }

    @Test
    void missingBrokerCredentialIsCreatedAsAdminWhenTheClusterIsAwaited(Running platform) throws Exception {
        // given the mirror cluster (one node: no broker-to-broker traffic to disturb) without the
        // brokers' credential, as storage formatted by an earlier version is
        KafkaCluster mirror = platform.platform().cluster(Cluster.MIRROR);
        KafkaConnection admin = platform.platform().adminConnection(Cluster.MIRROR);
        try (Admin client = KafkaCluster.admin(admin)) {
            client.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(BROKER,
                    ScramMechanism.SCRAM_SHA_512))).all().get(30, TimeUnit.SECONDS);
            await("the brokers' login refused once its credential is gone").atMost(CREDENTIAL_CHANGE)
                    .until(() -> describeCluster(brokerLogin(platform, Cluster.MIRROR).clientProperties()) != null);

            // when `up` waits for the cluster
            mirror.awaitReady(admin, EmbeddedPlatform.START_TIMEOUT);

            // then the credential is back, with the password of the brokers' secret
            await("the brokers' login accepted again").atMost(CREDENTIAL_CHANGE)
                    .until(() -> describeCluster(brokerLogin(platform, Cluster.MIRROR).clientProperties()) == null);
        }
    }

    @TestFactory
    Stream<DynamicTest> noPortOfOursAnswersPlaintextKafka(Running platform) {
        PortPlan ports = platform.platform().config().ports();
        List<Integer> kafkaPorts = new ArrayList<>();
        for (int id = 1; id <= PortPlan.MAIN_NODES; id++) {
            kafkaPorts.add(ports.mainBroker(id));
            kafkaPorts.add(ports.mainController(id));
        }
        kafkaPorts.add(ports.mirrorBroker());
        kafkaPorts.add(ports.mirrorController());
        return kafkaPorts.stream().map(port -> DynamicTest.dynamicTest("port " + port + " refuses plaintext",
                () -> assertThat(answersPlaintextApiVersions(port)).as("plaintext ApiVersions answered on %s", port)
                        .isFalse()));
    }

    private static KafkaConnection brokerLogin(Running platform, Cluster cluster) {
        KafkaConnection admin = platform.platform().adminConnection(cluster);
        return new KafkaConnection(admin.bootstrapServers(), BROKER, platform.layout().secrets().password(BROKER),
                admin.truststore(), admin.truststorePassword());
    }

    private static Throwable describeCluster(Properties props) {
        props.put("default.api.timeout.ms", "15000");
        props.put("request.timeout.ms", "10000");
        try (Admin admin = Admin.create(props)) {
            return catchThrowable(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS));
        }
    }

    /**
     * Sends a plaintext Kafka ApiVersions request and says whether a Kafka response came back. A TLS
     * listener answers with an alert or closes the connection instead.
     */
    private static boolean answersPlaintextApiVersions(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(10);
            out.writeShort(API_VERSIONS);
            out.writeShort(0);
            out.writeInt(CORRELATION_ID);
            out.writeShort(-1);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            return size > 4 && size < 1_000_000 && in.readInt() == CORRELATION_ID;
        } catch (EOFException | SocketTimeoutException | java.net.SocketException closed) {
            return false;
        }
    }
}
