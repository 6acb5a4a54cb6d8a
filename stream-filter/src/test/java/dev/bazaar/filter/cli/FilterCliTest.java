package dev.bazaar.filter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The stop-list commands refuse bad input before they touch Kafka. */
class FilterCliTest {

    @TempDir
    Path var;

    private final StringWriter err = new StringWriter();

    @Test
    void malformedProductIdIsAUsageErrorNamingTheRule() {
        assertThat(run("block", "bad id!")).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("message").contains("malformed product id 'bad id!'", "items schema");
        assertThat(run("unblock", "x")).as("too short an id").isEqualTo(2);
    }

    @Test
    void overlongReasonIsAUsageError() {
        assertThat(run("block", "p-00001", "--reason", "r".repeat(501))).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("message").contains("--reason is 501 characters, at most 500");
    }

    @Test
    void platformThatNeverRanIsAFailureThatSaysWhatToDo() {
        assertThat(run("block", "p-00001")).as("exit code").isEqualTo(1);
        assertThat(err.toString()).as("message").contains("./bazaar up");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--var";
        all[args.length + 1] = var.toString();
        CommandLine commandLine = FilterCli.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(all);
    }
}
