package dev.bazaar.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exit codes and output of a service's CLI, driven with {@code CommandLine.execute}. */
class ServiceCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aServiceErrorPrintsItsMessageWithoutAStackTraceAndExits3() {
        // when
        int code = run("call", "--fail", "events-api answered 500");

        // then
        assertThat(code).as("exit code").isEqualTo(ServiceCli.SERVICE_ERROR).isEqualTo(3);
        assertThat(err.toString()).as("err").isEqualTo("bazaar demo call: events-api answered 500" + System.lineSeparator());
    }

    @Test
    void anExceptionWithoutAMessageIsNamed() {
        assertThat(run("call", "--fail", "")).as("exit code").isEqualTo(ServiceCli.SERVICE_ERROR);
        assertThat(err.toString()).as("err").startsWith("bazaar demo call: java.lang.IllegalStateException");
    }

    @Test
    void aUsageErrorExits2() {
        assertThat(run("call", "--no-such-option")).as("exit code").isEqualTo(ServiceCli.USAGE).isEqualTo(2);
    }

    @Test
    void theVersionNamesTheCliAndTheBuild() {
        // when
        int code = run("--version");

        // then the test classes have no manifest: a development build
        assertThat(code).as("exit code").isZero();
        assertThat(out.toString()).as("out").isEqualTo("bazaar demo (development build)" + System.lineSeparator());
    }

    private int run(String... args) {
        CommandLine commandLine = ServiceCli.commandLine(new Demo());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = ServiceCli.Version.class,
            subcommands = Call.class)
    static final class Demo {
    }

    @Command(name = "call")
    static final class Call implements Callable<Integer> {

        @Option(names = "--fail")
        String failure;

        @Override
        public Integer call() {
            if (failure != null) {
                throw failure.isEmpty() ? new IllegalStateException() : new ServiceException(failure);
            }
            return 0;
        }
    }
}
