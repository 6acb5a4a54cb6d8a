package dev.bazaar.platform.hdfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.process.Jvm;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.Poll;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.platform.process.StartupFailure;
import dev.bazaar.platform.service.JavaService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HDFS as the embedded platform runs it: a NameNode and a DataNode, each its own JVM from module
 * {@code hdfs-node}, every port on loopback, metadata and blocks under {@code var/data/hdfs}, WebHDFS
 * on. It is ready for writers only when the NameNode has left safe mode and counts the DataNode
 * live; before that a create fails, so {@code up} waits for exactly that.
 */
public final class Hdfs {

    public static final String NAMENODE = "hdfs-namenode";
    public static final String DATANODE = "hdfs-datanode";
    private static final String MODULE = "hdfs-node";
    /** Simple authentication: HTTP requests name a user; read-only queries may name any. */
    private static final String AS_USER = "user.name=bazaar";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JavaService namenode;
    private final JavaService datanode;
    private final int rpcPort;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();

    public Hdfs(Path home, RuntimeLayout layout, PortPlan ports) {
        Path module = home.resolve(MODULE);
        this.rpcPort = ports.namenodeRpc();
        this.httpPort = ports.namenodeHttp();
        Map<String, String> env = Map.of(
                "BAZAAR_HDFS_DIR", layout.dataDir("hdfs").toString(),
                "BAZAAR_HDFS_NAMENODE_RPC_PORT", Integer.toString(ports.namenodeRpc()),
                "BAZAAR_HDFS_NAMENODE_HTTP_PORT", Integer.toString(ports.namenodeHttp()),
                "BAZAAR_HDFS_DATANODE_TRANSFER_PORT", Integer.toString(ports.datanodeTransfer()),
                "BAZAAR_HDFS_DATANODE_HTTP_PORT", Integer.toString(ports.datanodeHttp()),
                "BAZAAR_HDFS_DATANODE_IPC_PORT", Integer.toString(ports.datanodeIpc()),
                "BAZAAR_HDFS_DATANODE_PROXY_PORT", Integer.toString(ports.datanodeInternalProxy()));
        this.namenode = new JavaService(NAMENODE, "dev.bazaar.hdfs.node.NameNodeMain", module, ports.namenodeHttp(),
                layout, "/webhdfs/v1/?op=GETFILESTATUS&" + AS_USER, env, MODULE, false);
        this.datanode = new JavaService(DATANODE, "dev.bazaar.hdfs.node.DataNodeMain", module, ports.datanodeHttp(),
                layout, "/jmx?qry=Hadoop:service=DataNode,name=DataNodeInfo&" + AS_USER, env, MODULE, false);
    }

    /** The file system URL clients use, e.g. {@code hdfs://127.0.0.1:9020}. */
    public String url() {
        return "hdfs://127.0.0.1:" + rpcPort;
    }

    /** The NameNode's HTTP server: WebHDFS under {@code /webhdfs/v1}, its web UI and JMX. */
    public String webUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public boolean built() {
        return namenode.built();
    }

    /** The NameNode's and the DataNode's processes. */
    public List<ManagedProcess> processes() {
        return List.of(namenode.process(), datanode.process());
    }

    /** Starts whichever daemon does not run, without waiting; false when both ran already. */
    public boolean launch(Jvm java) {
        boolean started = namenode.launch(java);
        return datanode.launch(java) || started;
    }

    /** Waits until both daemons answer and the NameNode accepts writes (out of safe mode, the DataNode live). */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        namenode.awaitReady(timeout);
        datanode.awaitReady(Duration.between(Instant.now(), deadline));
        while (!writable()) {
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailure(NAMENODE, namenode.logFile(), "the NameNode did not leave safe mode with the "
                        + "DataNode live within " + timeout.toSeconds() + " s (" + namesystemUrl() + ")");
            }
            Poll.pause();
        }
    }

    public List<String> stop() {
        List<String> killed = new ArrayList<>(ProcessStopper.stopTogether(List.of(datanode.process()),
                Duration.ofSeconds(20)));
        killed.addAll(ProcessStopper.stopTogether(List.of(namenode.process()), Duration.ofSeconds(20)));
        return killed;
    }

    /** The NameNode row is healthy when it takes writes; the DataNode row when it answers and is counted live. */
    public List<ComponentStatus> status() {
        boolean writable = writable();
        ComponentStatus name = namenode.status(url() + " (WebHDFS " + webUrl() + ")", () -> writable);
        ComponentStatus data = datanode.status(datanode.url(), () -> writable && datanode.answers());
        return List.of(name, data);
    }

    /** Whether the NameNode is out of safe mode with at least one live DataNode, from its JMX. */
    public boolean writable() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(namesystemUrl())).timeout(REQUEST_TIMEOUT).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode state = JSON.readTree(response.body()).path("beans").path(0);
            // FSState is "safeMode" until the NameNode leaves it
            return state.path("NumLiveDataNodes").asInt() >= 1 && "Operational".equals(state.path("FSState").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String namesystemUrl() {
        return webUrl() + "/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState&" + AS_USER;
    }
}
