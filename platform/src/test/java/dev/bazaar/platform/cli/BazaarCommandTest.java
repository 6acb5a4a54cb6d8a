package dev.bazaar.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's exit codes and output, with a runtime folder of its own and no platform running. */
class BazaarCommandTest {

    @TempDir
    Path var;

    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void givenARuntimeFolderWithEndpoints() {
        System.setProperty("bazaar.var", var.toString());
        new PlatformEndpoints("127.0.0.1:9092", "127.0.0.1:9192", "https://127.0.0.1:9081").store(new RuntimeLayout(var));
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.clearProperty("bazaar.var");
    }

    @Test
    void clientPropertiesForAKnownPrincipal() {
        int code = run("client-properties", "ops", "--cluster", "mirror");
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(stdout()).as("printed properties")
                .contains("bootstrap.servers=127.0.0.1:9192", "security.protocol=SASL_SSL",
                        "sasl.mechanism=SCRAM-SHA-512", "username=\\\"ops\\\"".replace("\\", ""), "ssl.truststore.location=");
    }

    @Test
    void librdkafkaFormatNamesTheCaPem() {
        int code = run("client-properties", "shop", "--format", "librdkafka");
        assertThat(code).as("exit code").isZero();
        assertThat(stdout()).as("librdkafka properties").contains("sasl.username=shop", "ssl.ca.location=" + var.resolve("ssl/ca.pem"));
    }

    @Test
    void unknownPrincipalFormatOrClusterIsAUsageError() {
        assertThat(run("client-properties", "nobody")).as("unknown principal").isEqualTo(Bazaar.USAGE);
        assertThat(err.toString()).as("message").contains("unknown principal 'nobody'");
        assertThat(run("client-properties", "shop", "--format", "xml")).as("unknown format").isEqualTo(Bazaar.USAGE);
        assertThat(run("client-properties", "shop", "--cluster", "backup")).as("unknown cluster").isEqualTo(Bazaar.USAGE);
        assertThat(err.toString()).as("message").contains("unknown cluster 'backup'");
    }

    @Test
    void logsOfAnUnknownComponentIsAUsageError() {
        assertThat(run("logs", "nope")).as("exit code").isEqualTo(Bazaar.USAGE);
        assertThat(err.toString()).as("message").contains("no log for component 'nope'");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("launch")).as("exit code").isEqualTo(Bazaar.USAGE);
    }

    private int run(String... args) {
        CommandLine commandLine = Bazaar.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
