package dev.bazaar.platform.cli;

import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bazaar} command: starts, inspects and stops the embedded platform, and runs every other module's
 * command ({@link ModuleCommands}) in a JVM of its own.
 */
@Command(name = "bazaar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A secure, multi-cluster Apache Kafka platform for a marketplace.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, StartCommand.class, StopCommand.class,
            ScaleCommand.class, ComponentsCommand.class, LogsCommand.class, SuperviseCommand.class,
            ClientPropertiesCommand.class, PostgresCommand.class, SetupCommand.class, MirrorCommand.class,
            AlertsCommand.class, ComposeCommand.class})
public final class Bazaar {

    /** Exit code of a user error (bad arguments, unknown name), as picocli uses it. */
    public static final int USAGE = 2;
    /** Exit code of a failure of the platform itself. */
    public static final int FAILURE = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Bazaar's error handling: a failure prints its message, not a stack trace. */
    public static CommandLine commandLine() {
        return commandLine(ChildJvm.current());
    }

    /** The command line whose module commands {@code modules} runs. */
    static CommandLine commandLine(ChildJvm modules) {
        CommandLine commandLine = new CommandLine(new Bazaar());
        ModuleCommands.addTo(commandLine, modules);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": "
                    + e.getMessage()));
            if (e instanceof IllegalArgumentException) {
                return USAGE;
            }
            return FAILURE;
        });
        return commandLine;
    }

    static Platform platform() {
        return new Platform(PlatformConfig.resolve(System.getenv()));
    }
}
