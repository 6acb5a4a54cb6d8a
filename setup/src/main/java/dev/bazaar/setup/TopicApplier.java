package dev.bazaar.setup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Makes a cluster's topics match their declaration: creates the missing, grows partitions and
 * sets drifted configs back. It never deletes a topic or shrinks one.
 */
final class TopicApplier {

    private final Admin admin;
    private final ClusterDefaults defaults;
    private final SetupReport report;

    TopicApplier(Admin admin, ClusterDefaults defaults, SetupReport report) {
        this.admin = admin;
        this.defaults = defaults;
        this.report = report;
    }

    void apply(List<TopicSpec> topics) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<TopicSpec> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        List<TopicSpec> present = topics.stream().filter(t -> existing.contains(t.name())).toList();
        create(missing);
        if (!present.isEmpty()) {
            reconcilePartitions(present);
            reconcileConfigs(present);
        }
    }

    private void create(List<TopicSpec> missing) throws ExecutionException, InterruptedException {
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = missing.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), (short) t.replication(defaults))
                        .configs(t.effectiveConfig(defaults)))
                .toList();
        admin.createTopics(newTopics).all().get();
        missing.forEach(t -> report.changed("created topic " + t.name() + " (" + t.partitions()
                + " partitions, replication " + t.replication(defaults) + ")"));
    }

    private void reconcilePartitions(List<TopicSpec> present) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(present.stream().map(TopicSpec::name).toList()).allTopicNames().get();
        for (TopicSpec topic : present) {
            TopicDescription description = descriptions.get(topic.name());
            int actual = description.partitions().size();
            if (actual < topic.partitions()) {
                admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(topic.partitions()))).all().get();
                report.changed("grew topic " + topic.name() + " from " + actual + " to " + topic.partitions()
                        + " partitions");
            } else if (actual > topic.partitions()) {
                report.warn("topic " + topic.name() + " has " + actual + " partitions, " + topic.partitions()
                        + " declared: partitions never shrink, left alone");
            }
            int replicas = description.partitions().get(0).replicas().size();
            if (replicas != topic.replication(defaults)) {
                report.warn("topic " + topic.name() + " has replication " + replicas + ", "
                        + topic.replication(defaults) + " declared: reassign partitions to change it");
            }
        }
    }

    private void reconcileConfigs(List<TopicSpec> present) throws ExecutionException, InterruptedException {
        List<ConfigResource> resources = present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        Map<ConfigResource, Config> actual = admin.describeConfigs(resources).all().get();
        for (TopicSpec topic : present) {
            Config config = actual.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            Collection<AlterConfigOp> ops = drifted(topic, config);
            if (!ops.isEmpty()) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), ops))
                        .all().get();
            }
        }
    }

    private Collection<AlterConfigOp> drifted(TopicSpec topic, Config config) {
        List<AlterConfigOp> ops = new ArrayList<>();
        topic.effectiveConfig(defaults).forEach((key, value) -> {
            ConfigEntry entry = config.get(key);
            String current = entry == null ? null : entry.value();
            if (!value.equals(current)) {
                ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                report.changed("set " + key + "=" + value + " on topic " + topic.name() + " (was " + current + ")");
            }
        });
        return ops;
    }
}
