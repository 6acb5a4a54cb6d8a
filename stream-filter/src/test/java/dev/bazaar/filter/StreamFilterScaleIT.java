package dev.bazaar.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code bazaar scale}: stream-filter as two instances of one Streams application — two processes
 * on their own ports, the partitions of {@code items} split between them — and back to one, every
 * item forwarded exactly once across both rebalances.
 */
@ExtendWith(EmbeddedPlatform.class)
class StreamFilterScaleIT {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Test
    void twoInstancesShareThePartitionsAndNoItemIsLostOrDoubledWhileScalingOutAndIn(Running platform) throws Exception {
        FilterService filter = new FilterService(platform);
        String run = "scale-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = IntStream.range(0, 1200).mapToObj(n -> String.format("%s%04d", run, n)).toList();
        try {
            // given items published while stream-filter runs one instance
            publish(filter, ids.subList(0, 400));

            // when it is scaled to two instances
            List<ComponentStatus> scaled = scale(platform, 2);

            // then two processes are healthy, and the group's partitions of items are split between two members
            assertThat(scaled).filteredOn(status -> status.component().startsWith("stream-filter"))
                    .extracting(ComponentStatus::component, ComponentStatus::state)
                    .contains(tuple("stream-filter", ComponentStatus.State.HEALTHY),
                            tuple("stream-filter-2", ComponentStatus.State.HEALTHY));
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(itemsPartitionsPerMember(platform))
                    .as("partitions of items per member").hasSize(2).allSatisfy(count -> assertThat(count).isPositive()));
            publish(filter, ids.subList(400, 800));

            // and when it is scaled back to one, the second process stops and the first takes every partition
            scale(platform, 1);
            assertThat(platform.process("stream-filter-2").running()).as("stream-filter-2 after scale 1").isEmpty();
            // (a static member that left as it stopped: not held in the group until its 10 s session ends; 7 s
            // leave room for a loaded machine, where each look at the group takes a new admin client a second or two)
            await("stream-filter-2 gone from the group").atMost(Duration.ofSeconds(7))
                    .until(() -> itemsPartitionsPerMember(platform).size() == 1);
            publish(filter, ids.subList(800, 1200));
        } finally {
            scale(platform, 1);
        }

        // then each item is on filtered-items exactly once, committed
        try (CommittedHistory filtered = new CommittedHistory(platform, Topics.FILTERED_ITEMS)) {
            await().atMost(DEADLINE).until(() -> ids.stream().allMatch(id -> !filtered.catchUp().of(id).isEmpty()));
            filtered.catchUp();
            List<String> notOnce = new ArrayList<>();
            ids.stream().filter(id -> filtered.of(id).size() != 1).forEach(id -> notOnce.add(id + " x" + filtered.of(id).size()));
            assertThat(notOnce).as("items not exactly once").isEmpty();
        }
        assertThat(platform.platform().status()).filteredOn(status -> status.component().startsWith("stream-filter"))
                .extracting(ComponentStatus::component).containsExactly("stream-filter");
    }

    private static List<ComponentStatus> scale(Running platform, int instances) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return platform.platform().scale("stream-filter", instances, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static void publish(FilterService filter, List<String> ids) throws Exception {
        for (int from = 0; from < ids.size(); from += 100) {
            List<ObjectNode> batch = ids.subList(from, Math.min(from + 100, ids.size())).stream()
                    .map(id -> FilterService.item(id, 10)).toList();
            filter.publish(batch);
        }
    }

    /** How many partitions of {@code items} each member of stream-filter's group holds. */
    private static List<Long> itemsPartitionsPerMember(Running platform) throws Exception {
        try (Admin admin = Admin.create(platform.client(Cluster.MAIN, "admin", new Properties()))) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(StreamFilterApp.APPLICATION_ID))
                    .all().get();
            return groups.get(StreamFilterApp.APPLICATION_ID).members().stream().map(MemberDescription::assignment)
                    .map(assignment -> assignment.topicPartitions().stream()
                            .filter(partition -> partition.topic().equals(Topics.ITEMS)).count())
                    .toList();
        }
    }
}
