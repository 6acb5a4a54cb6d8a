package dev.bazaar.platform.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.Jvm;
import dev.bazaar.platform.process.JvmProfile;
import dev.bazaar.platform.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a running worker must be restarted by {@code up} (it loads connector plugins only when it
 * starts), and how connector configs read secrets through it.
 */
class ConnectWorkerTest {

    @TempDir
    Path var;

    private ProcessHandle stand;

    @AfterEach
    void stopTheStandIn() {
        if (stand != null) {
            stand.destroyForcibly();
        }
    }

    @Test
    void aWorkerStartedBeforeAPluginWasBuiltRunsOtherPluginsThanTheBuildOffers() throws Exception {
        // given a worker process (a stand-in) recorded as started with the search sink's plugin only
        RuntimeLayout layout = new RuntimeLayout(var);
        Path searchSink = Files.createDirectories(var.resolve("connectors/target/plugin"));
        Path hdfsSink = Files.createDirectories(var.resolve("hdfs-loader/target/plugin"));
        ManagedProcess process = new ManagedProcess(ConnectWorker.COMPONENT, layout.pidFile(ConnectWorker.COMPONENT),
                layout.logFile(ConnectWorker.COMPONENT));
        stand = process.start(List.of("sleep", "60"), var.resolve("work"), java.util.Map.of());
        Files.writeString(layout.runDir().resolve("connect.plugin-path"), searchSink + System.lineSeparator());

        // then a build offering the same plugins keeps it, one offering the HDFS sink too restarts it
        assertThat(worker(layout, List.of(searchSink)).runsOtherPlugins()).as("same plugins").isFalse();
        assertThat(worker(layout, List.of(searchSink, hdfsSink)).runsOtherPlugins()).as("a plugin built since").isTrue();

        // and a worker that does not run has nothing to restart
        stand.destroyForcibly();
        stand.onExit().join();
        assertThat(worker(layout, List.of(searchSink, hdfsSink)).runsOtherPlugins()).as("not running").isFalse();
    }

    @Test
    void connectorConfigsReadAPlatformSecretExactlyAndNothingOutsideTheSecretsFolder() throws Exception {
        // given a secret as the platform generates it, and the config provider as the worker declares it
        RuntimeLayout layout = new RuntimeLayout(var);
        String password = layout.secrets().password("postgres-connect");
        Files.writeString(var.resolve("elsewhere.password"), "not for connectors");
        Map<String, String> settings = worker(layout, List.of()).secretsProvider();
        assertThat(settings).as("worker settings").containsEntry("config.providers", ConnectWorker.SECRETS_PROVIDER);
        String prefix = "config.providers." + ConnectWorker.SECRETS_PROVIDER + ".";
        ConfigProvider provider = (ConfigProvider) Class.forName(settings.get(prefix + "class"))
                .getConstructor().newInstance();
        provider.configure(Map.of("allowed.paths", settings.get(prefix + "param.allowed.paths")));
        ConfigTransformer transformer = new ConfigTransformer(Map.of(ConnectWorker.SECRETS_PROVIDER, provider));

        // when a connector config names the secret file, and a file outside the secrets folder
        String secret = "${dir:" + layout.secretsDir() + ":postgres-connect.password}";
        String outside = "${dir:" + var + ":elsewhere.password}";
        Map<String, String> resolved = transformer.transform(Map.of("connection.password", secret, "other", outside))
                .data();

        // then the secret is the password exactly (no line end), and the other file is not read
        assertThat(resolved.get("connection.password")).as("resolved secret").isEqualTo(password);
        assertThat(resolved.get("other")).as("file outside the secrets folder").isEqualTo(outside);
        provider.close();
    }

    private static ConnectWorker worker(RuntimeLayout layout, List<Path> plugins) {
        JavaCommand java = new JavaCommand(new Jvm("java", JvmProfile.QUICK_START), "", null);
        return new ConnectWorker(layout, java, plugins, 18083, Optional.empty());
    }
}
