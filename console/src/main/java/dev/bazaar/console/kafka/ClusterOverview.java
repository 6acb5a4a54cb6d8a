package dev.bazaar.console.kafka;

import dev.bazaar.common.Cluster;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * One cluster as the signed-in user sees it: its nodes and active controller, and the health of the
 * partitions of the topics the user may describe (under-replicated: fewer in sync than replicas;
 * offline: no leader).
 */
public record ClusterOverview(Cluster cluster, String clusterId, List<Node> nodes, Optional<Node> controller,
        int topics, int partitions, int underReplicated, int offline) {

    /** Reads {@code cluster} as the user of {@code clients}. */
    public static ClusterOverview read(UserClients clients, Cluster cluster)
            throws ExecutionException, InterruptedException, TimeoutException {
        Admin admin = clients.admin(cluster);
        long millis = clients.timeout().toMillis();
        DescribeClusterResult described = admin.describeCluster();
        String id = described.clusterId().get(millis, TimeUnit.MILLISECONDS);
        Collection<Node> nodes = described.nodes().get(millis, TimeUnit.MILLISECONDS);
        Node controller = described.controller().get(millis, TimeUnit.MILLISECONDS);
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(millis, TimeUnit.MILLISECONDS);
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
                .get(millis, TimeUnit.MILLISECONDS);
        int partitions = 0;
        int under = 0;
        int offline = 0;
        for (TopicDescription topic : topics.values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                partitions++;
                if (partition.isr().size() < partition.replicas().size()) {
                    under++;
                }
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    offline++;
                }
            }
        }
        return new ClusterOverview(cluster, id, nodes.stream().sorted(java.util.Comparator.comparingInt(Node::id))
                .toList(), Optional.ofNullable(controller).filter(node -> !node.isEmpty()), topics.size(), partitions,
                under, offline);
    }
}
