package dev.bazaar.console.kafka;

import dev.bazaar.common.Cluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * One page of the topics of the main cluster that the signed-in user may describe, in name order,
 * with their partitions, replication, size on disk (the leaders' replicas; shown when the user may
 * describe the cluster's log directories) and the settings that differ from the broker's defaults
 * (when the user may describe the topic's configs). The names of all topics come in one request; the
 * three questions about topics (descriptions, configs, log directories) are asked together and only
 * for the page shown, so a cluster of thousands of topics costs what one page costs.
 *
 * @param matching how many topics the user may describe match the search, on all pages
 */
public record TopicList(List<Topic> topics, int matching, TopicPage page, boolean sizesKnown, boolean configsKnown) {

    /** One topic's row. */
    public record Topic(String name, boolean internal, int partitions, int replication, Optional<Long> bytes,
            Map<String, String> overrides) {
    }

    /** The page of the topics whose name contains {@code search} (all when blank; Kafka's internal ones only when asked). */
    public static TopicList read(UserClients clients, String search, boolean internal, TopicPage page)
            throws ExecutionException, InterruptedException, TimeoutException {
        Admin admin = clients.admin(Cluster.MAIN);
        long millis = clients.timeout().toMillis();
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(internal)).names()
                .get(millis, TimeUnit.MILLISECONDS);
        List<String> all = names.stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(needle)).sorted()
                .toList();
        List<String> matching = page.of(all);
        // the three questions about the matching topics go to Kafka together, not one after another
        KafkaFuture<Map<String, TopicDescription>> describing = matching.isEmpty()
                ? KafkaFuture.completedFuture(Map.of()) : admin.describeTopics(matching).allTopicNames();
        Map<ConfigResource, KafkaFuture<Config>> configuring = matching.isEmpty() ? Map.of()
                : admin.describeConfigs(matching.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .toList()).values();
        KafkaFuture<Map<Integer, Map<String, LogDirDescription>>> measuring = matching.isEmpty()
                ? KafkaFuture.completedFuture(Map.of())
                : admin.describeLogDirs(admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).stream()
                        .map(Node::id).toList()).allDescriptions();
        Map<String, TopicDescription> described = describing.get(millis, TimeUnit.MILLISECONDS);
        Optional<Map<String, Long>> sizes = sizes(measuring, described, millis);
        Optional<Map<String, Map<String, String>>> configs = overrides(configuring, millis);
        List<Topic> topics = new ArrayList<>();
        for (String name : matching) {
            TopicDescription topic = described.get(name);
            if (topic == null) {
                continue;
            }
            int replication = topic.partitions().isEmpty() ? 0 : topic.partitions().getFirst().replicas().size();
            topics.add(new Topic(name, topic.isInternal(), topic.partitions().size(), replication,
                    sizes.map(bytes -> bytes.getOrDefault(name, 0L)),
                    configs.map(settings -> settings.getOrDefault(name, Map.of())).orElse(Map.of())));
        }
        topics.sort(Comparator.comparing(Topic::name));
        return new TopicList(topics, all.size(), page, sizes.isPresent(), configs.isPresent());
    }

    /** Bytes of each topic's leader replicas; empty when the user may not describe the log directories. */
    private static Optional<Map<String, Long>> sizes(KafkaFuture<Map<Integer, Map<String, LogDirDescription>>> measuring,
            Map<String, TopicDescription> topics, long millis)
            throws InterruptedException, TimeoutException, ExecutionException {
        Map<TopicPartition, Integer> leaders = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
            if (partition.leader() != null && !partition.leader().isEmpty()) {
                leaders.put(new TopicPartition(topic.name(), partition.partition()), partition.leader().id());
            }
        }));
        try {
            Map<Integer, Map<String, LogDirDescription>> dirs = measuring.get(millis, TimeUnit.MILLISECONDS);
            Map<String, Long> bytes = new HashMap<>();
            dirs.forEach((broker, byDir) -> byDir.values().forEach(dir -> dir.replicaInfos().forEach(
                    (partition, replica) -> {
                        if (Integer.valueOf(broker).equals(leaders.get(partition))) {
                            bytes.merge(partition.topic(), replica.size(), Long::sum);
                        }
                    })));
            return Optional.of(bytes);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Each topic's settings that are not the defaults; empty when the user may not describe configs. */
    private static Optional<Map<String, Map<String, String>>> overrides(Map<ConfigResource, KafkaFuture<Config>> configuring,
            long millis) throws InterruptedException, TimeoutException, ExecutionException {
        if (configuring.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, Map<String, String>> overrides = new HashMap<>();
        boolean any = false;
        for (var entry : configuring.entrySet()) {
            try {
                Config config = entry.getValue().get(millis, TimeUnit.MILLISECONDS);
                Map<String, String> set = new java.util.TreeMap<>();
                config.entries().stream().filter(value -> value.source()
                                == org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                        .forEach(value -> set.put(value.name(), value.isSensitive() ? "(sensitive)" : value.value()));
                overrides.put(entry.getKey().name(), set);
                any = true;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof AuthorizationException)) {
                    throw e;
                }
            }
        }
        return any ? Optional.of(overrides) : Optional.empty();
    }
}
