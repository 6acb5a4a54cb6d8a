package dev.bazaar.console.kafka;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.console.ConsoleConfig;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a user in with their Kafka principal's SCRAM credentials, checked by the main cluster itself:
 * an admin client authenticates as the user and asks for the cluster id. The console holds no
 * password list of its own, so a principal's password changed in Kafka is changed here too.
 */
@Singleton
public final class KafkaLogin {

    private static final Logger log = LoggerFactory.getLogger(KafkaLogin.class);

    private final RuntimeLayout layout;
    private final ConsoleConfig config;

    public KafkaLogin(RuntimeLayout layout, ConsoleConfig config) {
        this.layout = layout;
        this.config = config;
    }

    /** What a sign-in came to. */
    public sealed interface Outcome {

        /** The credentials are the principal's: its clients, open. */
        record SignedIn(UserClients clients) implements Outcome {
        }

        /** Kafka refused the credentials (which of the two is wrong is not told). */
        record Refused() implements Outcome {
        }

        /** Kafka could not be asked. */
        record Unavailable(String reason) implements Outcome {
        }
    }

    public Outcome signIn(String username, String password) {
        PlatformEndpoints endpoints = PlatformEndpoints.load(layout);
        Secrets secrets = layout.secrets();
        String truststorePassword = secrets.password(KafkaConnection.TRUSTSTORE_SECRET);
        Map<Cluster, KafkaConnection> connections = new EnumMap<>(Cluster.class);
        for (Cluster cluster : Cluster.values()) {
            connections.put(cluster, new KafkaConnection(endpoints.bootstrap(cluster), username, password,
                    layout.truststore(), truststorePassword));
        }
        UserClients clients = new UserClients(connections, config.kafkaTimeout());
        try {
            clients.admin(Cluster.MAIN).describeCluster().clusterId().get(config.kafkaTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            return new Outcome.SignedIn(clients);
        } catch (ExecutionException e) {
            clients.close();
            if (e.getCause() instanceof AuthenticationException) {
                log.info("sign-in of {} refused by the main cluster", username);
                return new Outcome.Refused();
            }
            log.warn("sign-in of {}: the main cluster could not be asked", username, e.getCause());
            return new Outcome.Unavailable(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            clients.close();
            return new Outcome.Unavailable("the main cluster did not answer within " + config.kafkaTimeout());
        } catch (InterruptedException e) {
            clients.close();
            Thread.currentThread().interrupt();
            return new Outcome.Unavailable("interrupted");
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }
}
