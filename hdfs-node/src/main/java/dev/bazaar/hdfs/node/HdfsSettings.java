package dev.bazaar.hdfs.node;

import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration of the embedded NameNode and DataNode, built in code rather than read
 * from {@code *-site.xml} files so that every address follows the launcher's port plan. Every port
 * is pinned to loopback (Hadoop otherwise binds some, such as the DataNode's internal proxy, to a
 * random port on every interface), one replica per block (there is one DataNode), no safe-mode
 * extension (else a restart refuses writes for 30 s).
 */
public final class HdfsSettings {

    private HdfsSettings() {
    }

    public static Configuration of(HdfsNodeConfig config) {
        Configuration conf = new Configuration(false);
        String host = HdfsNodeConfig.HOST;
        conf.set("fs.defaultFS", config.defaultFs());
        conf.set("hadoop.tmp.dir", config.dir().resolve("tmp").toString());
        conf.set("dfs.namenode.name.dir", config.nameDir().toUri().toString());
        // without Hadoop's default resources these fall back to /tmp/hadoop/dfs/…, shared by every
        // HDFS on the machine and kept by down --purge: keep them in this platform's folder
        conf.set("dfs.namenode.edits.dir", config.nameDir().toUri().toString());
        conf.set("dfs.namenode.checkpoint.dir", config.dir().resolve("namesecondary").toUri().toString());
        conf.set("dfs.namenode.checkpoint.edits.dir", config.dir().resolve("namesecondary").toUri().toString());
        conf.set("dfs.namenode.rpc-address", host + ":" + config.namenodeRpcPort());
        conf.set("dfs.namenode.rpc-bind-host", host);
        conf.set("dfs.namenode.http-address", host + ":" + config.namenodeHttpPort());
        conf.set("dfs.namenode.http-bind-host", host);
        conf.set("dfs.namenode.https-address", host + ":0");
        conf.set("dfs.namenode.safemode.extension", "0");
        conf.set("dfs.namenode.datanode.registration.ip-hostname-check", "false");
        conf.set("dfs.datanode.data.dir", config.dataDir().toUri().toString());
        conf.set("dfs.datanode.address", host + ":" + config.datanodeTransferPort());
        conf.set("dfs.datanode.http.address", host + ":" + config.datanodeHttpPort());
        conf.set("dfs.datanode.https.address", host + ":0");
        conf.set("dfs.datanode.ipc.address", host + ":" + config.datanodeIpcPort());
        conf.set("dfs.datanode.http.internal-proxy.port", Integer.toString(config.datanodeProxyPort()));
        conf.set("dfs.datanode.hostname", host);
        conf.set("dfs.replication", "1");
        conf.set("dfs.webhdfs.enabled", "true");
        conf.set("dfs.permissions.enabled", "true");
        // no secondary NameNode runs: the NameNode checkpoints its edit log itself at restart
        conf.set("dfs.namenode.secondary.http-address", host + ":0");
        return conf;
    }
}
