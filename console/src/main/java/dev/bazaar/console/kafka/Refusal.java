package dev.bazaar.console.kafka;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * Kafka's "not authorized", said so that the user knows which ACL is missing: the principal, the
 * operation the console attempted for them, the resource, and where the platform declares ACLs.
 */
public final class Refusal {

    private Refusal() {
    }

    /**
     * The message for {@code failure} (or its causes) when it is an authorization failure of
     * {@code principal} attempting {@code operation} on {@code resource} (e.g. "topic orders").
     */
    public static Optional<String> of(Throwable failure, String principal, String operation, String resource) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException denied) {
                return Optional.of("Kafka refused: principal " + principal + " may not " + operation + " "
                        + described(denied, resource) + ". The ACL that is missing is " + "User:" + principal + " "
                        + operation + " on " + described(denied, resource) + "; the platform's ACLs are declared in "
                        + "setup/access.yaml (applied by ./bazaar setup apply).");
            }
        }
        return Optional.empty();
    }

    /**
     * The message for {@code failure} (or its causes) when {@code principal} could not sign in to the
     * {@code cluster} cluster at all: {@code ./bazaar setup apply} creates a principal's credential only
     * on the clusters its ACLs name, so there the missing ACL is the reason too.
     */
    public static Optional<String> ofNoCredential(Throwable failure, String principal, String cluster,
            String operation, String resource) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SaslAuthenticationException) {
                return Optional.of("Kafka refused: principal " + principal + " may not " + operation + " " + resource
                        + " on the " + cluster + " cluster: it has no credential there, as setup/access.yaml declares "
                        + "no ACL of it on that cluster. The ACL that is missing is User:" + principal + " " + operation
                        + " on " + resource + " (cluster: " + cluster + "); the platform's ACLs are declared in "
                        + "setup/access.yaml (applied by ./bazaar setup apply).");
            }
        }
        return Optional.empty();
    }

    private static String described(AuthorizationException denied, String resource) {
        return switch (denied) {
            case TopicAuthorizationException topics when !topics.unauthorizedTopics().isEmpty() ->
                    "topic " + String.join(", ", topics.unauthorizedTopics());
            case GroupAuthorizationException group when group.groupId() != null -> "group " + group.groupId();
            case ClusterAuthorizationException cluster -> "the cluster";
            case TransactionalIdAuthorizationException transactional -> "a transactional id";
            default -> resource;
        };
    }
}
