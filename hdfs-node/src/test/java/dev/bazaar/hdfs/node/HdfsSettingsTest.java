package dev.bazaar.hdfs.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HdfsSettingsTest {

    private static final Map<String, String> ENV = Map.of("BAZAAR_HDFS_DIR", "/tmp/hdfs",
            "BAZAAR_HDFS_NAMENODE_RPC_PORT", "9020", "BAZAAR_HDFS_NAMENODE_HTTP_PORT", "9070",
            "BAZAAR_HDFS_DATANODE_TRANSFER_PORT", "9066", "BAZAAR_HDFS_DATANODE_HTTP_PORT", "9064",
            "BAZAAR_HDFS_DATANODE_IPC_PORT", "9067", "BAZAAR_HDFS_DATANODE_PROXY_PORT", "9065");

    @Test
    void everyAddressIsOnLoopbackAtThePlannedPort() {
        // given the launcher's environment
        Configuration conf = HdfsSettings.of(HdfsNodeConfig.fromEnv(ENV));

        // then every listener is pinned to 127.0.0.1, and a restart does not wait in safe mode
        assertThat(conf.get("fs.defaultFS")).isEqualTo("hdfs://127.0.0.1:9020");
        for (String key : new String[] {"dfs.namenode.rpc-address", "dfs.namenode.http-address",
                "dfs.namenode.https-address", "dfs.datanode.address", "dfs.datanode.http.address",
                "dfs.datanode.https.address", "dfs.datanode.ipc.address", "dfs.namenode.secondary.http-address"}) {
            assertThat(conf.get(key)).as(key).startsWith("127.0.0.1:");
        }
        assertThat(conf.get("dfs.datanode.http.internal-proxy.port")).isEqualTo("9065");
        assertThat(conf.get("dfs.namenode.safemode.extension")).isEqualTo("0");
        assertThat(conf.get("dfs.namenode.name.dir")).isEqualTo("file:///tmp/hdfs/name");
        assertThat(conf.get("dfs.datanode.data.dir")).isEqualTo("file:///tmp/hdfs/data");
    }

    @Test
    void everyFolderIsInThePlatformsHdfsFolder() {
        // given the launcher's environment
        Configuration conf = HdfsSettings.of(HdfsNodeConfig.fromEnv(ENV));

        // then metadata, edits, checkpoints, blocks and scratch space all stay under BAZAAR_HDFS_DIR,
        // never in Hadoop's built-in /tmp/hadoop, which every HDFS on the machine would share
        for (String key : new String[] {"dfs.namenode.name.dir", "dfs.namenode.edits.dir", "dfs.namenode.checkpoint.dir",
                "dfs.namenode.checkpoint.edits.dir", "dfs.datanode.data.dir", "hadoop.tmp.dir"}) {
            assertThat(conf.get(key)).as(key).matches("(file://)?/tmp/hdfs/.+");
        }
    }

    @Test
    void aMissingOrMalformedVariableIsNamed() {
        Map<String, String> missing = new HashMap<>(ENV);
        missing.remove("BAZAAR_HDFS_DATANODE_IPC_PORT");
        Map<String, String> malformed = new HashMap<>(ENV);
        malformed.put("BAZAAR_HDFS_NAMENODE_HTTP_PORT", "http");
        Map<String, String> outOfRange = new HashMap<>(ENV);
        outOfRange.put("BAZAAR_HDFS_NAMENODE_RPC_PORT", "70000");

        assertThatThrownBy(() -> HdfsNodeConfig.fromEnv(missing)).hasMessageContaining("BAZAAR_HDFS_DATANODE_IPC_PORT is not set");
        assertThatThrownBy(() -> HdfsNodeConfig.fromEnv(malformed))
                .hasMessageContaining("BAZAAR_HDFS_NAMENODE_HTTP_PORT must be a port number, was 'http'");
        assertThatThrownBy(() -> HdfsNodeConfig.fromEnv(outOfRange))
                .hasMessageContaining("BAZAAR_HDFS_NAMENODE_RPC_PORT must be a port within 1..65535, was 70000");
    }
}
