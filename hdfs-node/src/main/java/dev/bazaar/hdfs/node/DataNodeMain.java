package dev.bazaar.hdfs.node;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HDFS DataNode as the launcher runs it: stores the blocks of the NameNode at the same settings,
 * shuts down cleanly on SIGTERM, and ends the process when the DataNode stops by itself (Hadoop's
 * own wait for that is not public).
 */
public final class DataNodeMain {

    private static final String NAME = "The DataNode";
    private static final Logger LOG = LoggerFactory.getLogger(DataNodeMain.class);

    private DataNodeMain() {
    }

    public static void main(String[] args) {
        NodeProcess.run(NAME, LOG, DataNodeMain::serve);
    }

    private static void serve() throws Exception {
        HdfsNodeConfig config = HdfsNodeConfig.fromEnv(System.getenv());
        DataNode node = DataNode.createDataNode(new String[0], HdfsSettings.of(config));
        if (node == null) {
            throw new IllegalStateException("the DataNode did not start; see the lines above");
        }
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            node.shutdown();
        }, "datanode-shutdown"));
        LOG.info("DataNode storing blocks in {} for {}", config.dataDir(), config.defaultFs());
        while (node.isDatanodeUp()) {
            if (stopping.await(1, TimeUnit.SECONDS)) {
                return;
            }
        }
        LOG.error("The DataNode stopped by itself; see the lines above");
        System.exit(1);
    }
}
