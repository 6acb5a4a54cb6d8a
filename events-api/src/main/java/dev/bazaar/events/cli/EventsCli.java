package dev.bazaar.events.cli;

import dev.bazaar.common.cli.ServiceCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bazaar events}: sends generated product events to events-api, and counts what the pipeline
 * holds (received, unique, duplicates, rows in PostgreSQL). Exit codes: 0 done, 1 some events not
 * acknowledged, 2 usage error, 3 a service unreachable or refusing.
 */
@Command(name = "events", mixinStandardHelpOptions = true, versionProvider = ServiceCli.Version.class,
        description = "Send product events to events-api and count them through the pipeline.",
        subcommands = {SendCommand.class, StatsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done: every event acknowledged, or every count read",
            "1:some events were not acknowledged (send)",
            "2:usage error: a bad or missing option",
            "3:events-api, Kafka or PostgreSQL unreachable or refusing (start them with ./bazaar up)"})
public final class EventsCli {

    static final int USAGE = ServiceCli.USAGE;
    static final int SERVICE_ERROR = ServiceCli.SERVICE_ERROR;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line: a usage error exits 2 (picocli's own), anything that went wrong talking to a
     * service prints its message, without a stack trace, and exits 3.
     */
    public static CommandLine commandLine() {
        return ServiceCli.commandLine(new EventsCli());
    }
}
