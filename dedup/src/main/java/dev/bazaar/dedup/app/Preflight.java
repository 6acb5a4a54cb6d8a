package dev.bazaar.dedup.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before the Streams client starts, that every topic of the job exists and that the principal
 * may see it: Streams would otherwise wait out its timeouts and fail with a message that names neither
 * the topic nor the setting. The topics are the platform's to declare ({@code setup/topics.yaml}); the
 * app creates none but its internal ones.
 */
final class Preflight {

    private static final long TIMEOUT_SECONDS = 30;

    private Preflight() {
    }

    /** The partitions of each topic of {@code job}; fails naming the setting whose topic is missing or hidden. */
    static Map<String, Integer> check(Admin admin, DedupJob job, String principal) {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(DedupConfig.FROM, job.from());
        topics.put(DedupConfig.TO, job.to());
        job.duplicates().ifPresent(topic -> topics.put(DedupConfig.DUPLICATES, topic));
        job.deadLetter().ifPresent(topic -> topics.put(DedupConfig.DEAD_LETTER, topic));
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : topics.entrySet()) {
            partitions.put(setting.getValue(), partitions(admin, setting.getKey(), setting.getValue(), principal));
        }
        return partitions;
    }

    private static int partitions(Admin admin, String key, String topic, String principal) {
        try {
            return admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic '" + topic + "' (" + key + ") does not exist: declare it in "
                        + "setup/topics.yaml (or create it) first", e.getCause());
            }
            if (e.getCause() instanceof TopicAuthorizationException) {
                throw new IllegalStateException("principal " + principal + " may not see topic '" + topic + "' (" + key
                        + "): grant it in setup/access.yaml", e.getCause());
            }
            throw new IllegalStateException("cannot describe topic '" + topic + "' (" + key + "): "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer about topic '" + topic + "' (" + key + ") within "
                    + TIMEOUT_SECONDS + " s: is the cluster up?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic '" + topic + "'", e);
        }
    }
}
