package dev.bazaar.dedup.cli;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bazaar dedup}: the generic de-duplicating app on the command line ({@code dedup run}), for jobs
 * of teams on their own topics, run as principal {@code dedup-jobs} unless told otherwise.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = "De-duplicate a topic into another, exactly once (Kafka Streams).",
        subcommands = RunCommand.class)
public final class DedupCli {

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}", scope = CommandLine.ScopeType.INHERIT,
            description = "Runtime folder of the platform (default: ${DEFAULT-VALUE}).")
    Path var;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line; a failure prints its message (exit 1), a usage error its reason (exit 2). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DedupCli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            cmd.getErr().println("bazaar dedup " + cmd.getCommandName() + ": " + cause.getMessage());
            return 1;
        });
        return commandLine;
    }

    RuntimeLayout layout() {
        return new RuntimeLayout(var);
    }
}
