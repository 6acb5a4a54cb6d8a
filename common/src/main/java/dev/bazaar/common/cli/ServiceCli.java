package dev.bazaar.common.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the CLIs of the platform's HTTP services ({@code bazaar events}, {@code bazaar client}) share:
 * their exit codes for a usage error and a service error, how a failure is printed, and the version.
 * picocli is an optional dependency of common: a CLI brings it.
 */
public final class ServiceCli {

    /** A bad or missing option: picocli's own exit code for a usage error. */
    public static final int USAGE = 2;
    /** A service unreachable, refusing the credentials or answering an error. */
    public static final int SERVICE_ERROR = 3;

    private ServiceCli() {
    }

    /**
     * The command line of {@code command}: a usage error exits {@value #USAGE} (picocli's own), anything that
     * went wrong talking to a service prints {@code bazaar <cli> <subcommand>: <message>}, without a stack
     * trace, and exits {@value #SERVICE_ERROR}.
     */
    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        String cli = "bazaar " + commandLine.getCommandName();
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cli + " " + cmd.getCommandName() + ": " + (e.getMessage() == null ? e.toString()
                    : e.getMessage()));
            return SERVICE_ERROR;
        });
        return commandLine;
    }

    /**
     * {@code bazaar <cli> <version>}: the version of the build the CLI's command class comes from (its jar's
     * {@code Implementation-Version}), for {@code versionProvider} of the top command.
     */
    public static final class Version implements CommandLine.IVersionProvider {

        @Spec
        CommandSpec spec;

        @Override
        public String[] getVersion() {
            CommandSpec root = spec.root();
            String version = root.userObject().getClass().getPackage().getImplementationVersion();
            return new String[] {"bazaar " + root.name() + " " + (version == null ? "(development build)" : version)};
        }
    }
}
