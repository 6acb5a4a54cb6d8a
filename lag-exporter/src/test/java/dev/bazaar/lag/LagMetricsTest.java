package dev.bazaar.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagMetricsTest {

    @Test
    void eachPartitionOfEachGroupIsASampleWithItsClusterGroupTopicAndPartition() {
        // given one group 40 records and 12.5 s behind on orders-1, and a failed poll of the mirror
        GroupLag main = new GroupLag("main", Instant.ofEpochSecond(1000), List.of(new GroupLag.Group("hdfs \"orders\"\n",
                "Stable", 2, List.of(new GroupLag.Partition("orders", 1, 60, 100, 12.5)))));
        List<LagMetrics.Latest> latest = List.of(new LagMetrics.Latest("main", main, true, 1_000_000),
                new LagMetrics.Latest("mirror", null, false, 1_005_000));

        // when rendered
        String text = LagMetrics.render(latest);

        // then the group id is escaped as the exposition format says, and every family is there
        String labels = "cluster=\"main\",group=\"hdfs \\\"orders\\\"\\n\",topic=\"orders\",partition=\"1\"";
        assertThat(text).contains("bazaar_consumer_group_lag_records{" + labels + "} 40\n")
                .contains("bazaar_consumer_group_lag_seconds{" + labels + "} 12.500\n")
                .contains("bazaar_consumer_group_committed_offset{" + labels + "} 60\n")
                .contains("bazaar_consumer_group_members{cluster=\"main\",group=\"hdfs \\\"orders\\\"\\n\",state=\"Stable\"} 2\n")
                .contains("bazaar_lag_exporter_poll_success{cluster=\"main\"} 1\n")
                .contains("bazaar_lag_exporter_poll_success{cluster=\"mirror\"} 0\n")
                .contains("# TYPE bazaar_consumer_group_lag_seconds gauge\n");
    }
}
