package dev.bazaar.lag;

import java.util.Collection;
import java.util.Locale;

/**
 * The exporter's answer to Prometheus, in the text exposition format: per group and partition the lag
 * in records and in seconds, per group its members, and per cluster whether the last poll succeeded
 * and when. Label values are escaped as the format requires (group ids are any string a client chose).
 */
final class LagMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The outcome of the latest poll of one cluster: its lag, or none when it failed. */
    record Latest(String cluster, GroupLag lag, boolean succeeded, long polledAtMillis) {
    }

    private LagMetrics() {
    }

    static String render(Collection<Latest> latest) {
        StringBuilder out = new StringBuilder(4096);
        help(out, "bazaar_consumer_group_lag_records", "Records a consumer group is behind the partition's end (last stable offset).");
        for (Latest cluster : latest) {
            forEachPartition(cluster, (group, p) -> sample(out, "bazaar_consumer_group_lag_records",
                    labels(cluster.cluster(), group.id(), p), Long.toString(p.records())));
        }
        help(out, "bazaar_consumer_group_lag_seconds", "How long ago the next record the group would consume was appended (0 at the end).");
        for (Latest cluster : latest) {
            forEachPartition(cluster, (group, p) -> sample(out, "bazaar_consumer_group_lag_seconds",
                    labels(cluster.cluster(), group.id(), p), format(p.secondsBehind())));
        }
        help(out, "bazaar_consumer_group_committed_offset", "The group's committed offset on the partition.");
        for (Latest cluster : latest) {
            forEachPartition(cluster, (group, p) -> sample(out, "bazaar_consumer_group_committed_offset",
                    labels(cluster.cluster(), group.id(), p), Long.toString(p.committed())));
        }
        help(out, "bazaar_consumer_group_members", "Members of the group now (0: nobody consumes; no lag alert for it).");
        for (Latest cluster : latest) {
            if (cluster.lag() != null) {
                cluster.lag().groups().forEach(group -> sample(out, "bazaar_consumer_group_members",
                        "cluster=\"" + escape(cluster.cluster()) + "\",group=\"" + escape(group.id()) + "\",state=\""
                                + escape(group.state()) + "\"", Integer.toString(group.members())));
            }
        }
        help(out, "bazaar_lag_exporter_poll_success", "1 when the latest poll of the cluster succeeded.");
        latest.forEach(cluster -> sample(out, "bazaar_lag_exporter_poll_success", "cluster=\"" + escape(cluster.cluster())
                + "\"", cluster.succeeded() ? "1" : "0"));
        help(out, "bazaar_lag_exporter_last_poll_timestamp_seconds", "When the cluster was last polled.");
        latest.forEach(cluster -> sample(out, "bazaar_lag_exporter_last_poll_timestamp_seconds", "cluster=\""
                + escape(cluster.cluster()) + "\"", format(cluster.polledAtMillis() / 1000.0)));
        return out.toString();
    }

    private interface PartitionVisitor {
        void visit(GroupLag.Group group, GroupLag.Partition partition);
    }

    private static void forEachPartition(Latest cluster, PartitionVisitor visitor) {
        if (cluster.lag() == null) {
            return;
        }
        for (GroupLag.Group group : cluster.lag().groups()) {
            group.partitions().forEach(partition -> visitor.visit(group, partition));
        }
    }

    private static void help(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder out, String name, String labels, String value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static String labels(String cluster, String group, GroupLag.Partition partition) {
        return "cluster=\"" + escape(cluster) + "\",group=\"" + escape(group) + "\",topic=\"" + escape(partition.topic())
                + "\",partition=\"" + partition.partition() + "\"";
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
