package dev.bazaar.dedup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.dedup.app.DedupConfig;
import dev.bazaar.dedup.app.DedupJob;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bazaar dedup run} refuses bad settings naming the option, before it touches Kafka. */
class DedupCliTest {

    @TempDir
    Path var;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void missingFromIsAUsageErrorNamingTheOption() {
        assertThat(run("run", "--to", "jobs.unique")).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("message").contains("Missing required configuration \"from\"", "(option --from)");
    }

    @Test
    void keyFieldsAndRecordKeyExcludeEachOther() {
        assertThat(run("run", "--from", "a", "--to", "b", "--key-fields", "x", "--record-key")).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("message").contains("mutually exclusive");
    }

    @Test
    void aBadRetentionIsAUsageErrorNamingTheOption() {
        assertThat(run("run", "--from", "a", "--to", "b", "--retention", "a week")).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("message").contains("'a week' is not a duration", "(option --retention)");
    }

    @Test
    void optionsOverrideTheConfigFile() throws Exception {
        // given a file naming every topic and key fields
        Path file = var.resolve("job.properties");
        Files.writeString(file, "from=jobs.raw\nto=jobs.unique\nduplicates=jobs.copies\nkey.fields=a,b\nretention=1d\n");
        CommandLine commandLine = DedupCli.commandLine();

        // when the command line changes the output and the key
        commandLine.parseArgs("--var", var.toString(), "run", "--config", file.toString(), "--to", "jobs.firsts",
                "--record-key", "--retention", "12h");
        RunCommand run = commandLine.getSubcommands().get("run").getCommand();
        DedupConfig config = run.config();

        // then
        assertThat(config.job()).as("job").isEqualTo(new DedupJob("jobs.raw", "jobs.firsts", Optional.of("jobs.copies"),
                Optional.empty(), List.of(), Duration.ofHours(12)));
        assertThat(config.applicationId()).as("application id").isEqualTo("jobs.firsts-dedup");
        assertThat(config.principal()).as("principal").isEqualTo("dedup-jobs");
    }

    @Test
    void aPlatformWithoutTheJobsCredentialIsAFailureThatSaysWhatToDo() {
        assertThat(run("run", "--from", "jobs.raw", "--to", "jobs.unique", "--key-fields", "id")).as("exit code")
                .isEqualTo(1);
        assertThat(err.toString()).as("message").contains("principal dedup-jobs has no credential",
                "declare it in setup/access.yaml");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("run", "--help")).as("exit code").isZero();
        assertThat(out.toString()).as("usage").contains("--from", "--to", "--duplicates", "--key-fields", "--record-key",
                "--retention", "--application-id", "--principal", "--config", "Ctrl-C");
    }

    private int run(String... args) {
        CommandLine commandLine = DedupCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--var";
        all[1] = var.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return commandLine.execute(all);
    }
}
