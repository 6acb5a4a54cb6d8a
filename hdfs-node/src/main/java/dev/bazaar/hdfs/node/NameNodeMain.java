package dev.bazaar.hdfs.node;

import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HDFS NameNode as the launcher runs it: formats its metadata folder on the first start (a
 * formatted folder is never formatted again, so a restart keeps every file), then serves until the
 * process is stopped.
 */
public final class NameNodeMain {

    private static final String NAME = "The NameNode";
    private static final Logger LOG = LoggerFactory.getLogger(NameNodeMain.class);

    private NameNodeMain() {
    }

    public static void main(String[] args) {
        NodeProcess.run(NAME, LOG, NameNodeMain::serve);
    }

    private static void serve() throws Exception {
        HdfsNodeConfig config = HdfsNodeConfig.fromEnv(System.getenv());
        Configuration conf = HdfsSettings.of(config);
        if (!Files.exists(config.nameDir().resolve("current/VERSION"))) {
            LOG.info("Formatting a new HDFS namespace in {}", config.nameDir());
            NameNode.format(conf);
            // formatting registered the namesystem's metrics once already in this JVM
            DefaultMetricsSystem.setMiniClusterMode(true);
        }
        NameNode node = NameNode.createNameNode(new String[0], conf);
        LOG.info("NameNode serving {} (WebHDFS on http://{}:{})", config.defaultFs(), HdfsNodeConfig.HOST,
                config.namenodeHttpPort());
        node.join();
    }
}
