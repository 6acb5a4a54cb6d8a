package dev.bazaar.hdfs.loader;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Lands a topic's JSON records in HDFS as JSON lines files, exactly once, partitioned into folders
 * by a field and/or by time; the platform runs it as {@code hdfs-orders-sink} for {@code orders}
 * (see {@code setup/connectors/}). Each task owns whole Kafka partitions, so tasks never write the
 * same file.
 */
public final class HdfsSinkConnector extends SinkConnector {

    static final String VERSION = versionOf(HdfsSinkConnector.class);

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new HdfsSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return HdfsSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        // the tasks hold every resource
    }

    @Override
    public ConfigDef config() {
        return HdfsSinkConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return VERSION;
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
