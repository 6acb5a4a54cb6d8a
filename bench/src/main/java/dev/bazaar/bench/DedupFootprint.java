package dev.bazaar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What dedup's store of seen keys takes: its state folder on disk (all of it, and the SST files alone),
 * and its changelog topic on the brokers (every replica, from {@code describeLogDirs}).
 */
final class DedupFootprint {

    private DedupFootprint() {
    }

    /** The files under {@code dir}: all bytes and those of RocksDB's table files ({@code *.sst}). */
    static Disk disk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            long all = 0;
            long sst = 0;
            int tables = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                long size = Files.size(file);
                all += size;
                if (file.getFileName().toString().endsWith(".sst")) {
                    sst += size;
                    tables++;
                }
            }
            return new Disk(all, sst, tables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }

    /** The bytes under {@code dir} and of its SST files, and how many SST files. */
    record Disk(long bytes, long sstBytes, int sstFiles) {
    }

    /** The changelog topics of the cluster ({@code *-changelog}) and their bytes on every broker, summed. */
    static Changelog changelog(Properties admin) throws Exception {
        try (Admin client = Admin.create(admin)) {
            Set<String> topics = client.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.endsWith("-changelog")).collect(Collectors.toSet());
            List<Integer> brokers = client.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id)
                    .toList();
            Map<Integer, Map<String, LogDirDescription>> dirs = client.describeLogDirs(brokers).allDescriptions()
                    .get(30, TimeUnit.SECONDS);
            long bytes = 0;
            int replicas = 0;
            Set<TopicPartition> partitions = new java.util.HashSet<>();
            for (Map<String, LogDirDescription> byDir : dirs.values()) {
                for (LogDirDescription dir : byDir.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        if (topics.contains(replica.getKey().topic())) {
                            bytes += replica.getValue().size();
                            replicas++;
                            partitions.add(replica.getKey());
                        }
                    }
                }
            }
            return new Changelog(topics, bytes, replicas, partitions.size());
        }
    }

    /** Changelog topics, their bytes over every replica, the replicas and the partitions. */
    record Changelog(Set<String> topics, long bytes, int replicas, int partitions) {

        /** Bytes of one replica of every partition: the total over the replication factor. */
        double bytesPerReplica() {
            return partitions == 0 ? 0 : (double) bytes * partitions / replicas;
        }

        String describe() {
            return String.format(Locale.ROOT, "%s: %,d bytes on the brokers (%d replicas of %d partitions)",
                    topics, bytes, replicas, partitions);
        }
    }
}
