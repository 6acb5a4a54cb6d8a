package dev.bazaar.hdfs.node;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an HDFS daemon keeps its data and which loopback ports it binds, read from the environment
 * the launcher sets ({@code BAZAAR_HDFS_*}); a missing or malformed variable fails the start with
 * its name. Both daemons read the same settings, so the DataNode finds its NameNode.
 *
 * @param dir                  {@code BAZAAR_HDFS_DIR}: the NameNode's metadata ({@code name/}) and the
 *                             DataNode's blocks ({@code data/}) live under it
 * @param namenodeRpcPort      {@code BAZAAR_HDFS_NAMENODE_RPC_PORT}: the {@code hdfs://} address clients use
 * @param namenodeHttpPort     {@code BAZAAR_HDFS_NAMENODE_HTTP_PORT}: WebHDFS, JMX
 * @param datanodeTransferPort {@code BAZAAR_HDFS_DATANODE_TRANSFER_PORT}: block reads and writes
 * @param datanodeHttpPort     {@code BAZAAR_HDFS_DATANODE_HTTP_PORT}
 * @param datanodeIpcPort      {@code BAZAAR_HDFS_DATANODE_IPC_PORT}
 * @param datanodeProxyPort    {@code BAZAAR_HDFS_DATANODE_PROXY_PORT}: the DataNode's internal HTTP proxy
 */
public record HdfsNodeConfig(Path dir, int namenodeRpcPort, int namenodeHttpPort, int datanodeTransferPort,
        int datanodeHttpPort, int datanodeIpcPort, int datanodeProxyPort) {

    /** Every daemon binds here only: HDFS has no authentication in the embedded profile. */
    public static final String HOST = "127.0.0.1";

    public static HdfsNodeConfig fromEnv(Map<String, String> env) {
        return new HdfsNodeConfig(Path.of(required(env, "BAZAAR_HDFS_DIR")).toAbsolutePath(),
                port(env, "BAZAAR_HDFS_NAMENODE_RPC_PORT"), port(env, "BAZAAR_HDFS_NAMENODE_HTTP_PORT"),
                port(env, "BAZAAR_HDFS_DATANODE_TRANSFER_PORT"), port(env, "BAZAAR_HDFS_DATANODE_HTTP_PORT"),
                port(env, "BAZAAR_HDFS_DATANODE_IPC_PORT"), port(env, "BAZAAR_HDFS_DATANODE_PROXY_PORT"));
    }

    public Path nameDir() {
        return dir.resolve("name");
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public String defaultFs() {
        return "hdfs://" + HOST + ":" + namenodeRpcPort;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: the launcher sets it (./bazaar up)");
        }
        return value.strip();
    }

    private static int port(Map<String, String> env, String name) {
        String value = required(env, name);
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(name + " must be a port within 1..65535, was " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }
}
