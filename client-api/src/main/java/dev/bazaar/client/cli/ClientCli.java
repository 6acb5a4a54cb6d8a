package dev.bazaar.client.cli;

import dev.bazaar.common.cli.ServiceCli;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code bazaar client}: searches the catalog and shows a customer's recommendations through the
 * running client-api, with the platform's credentials. Exit codes: 0 found, 1 nothing found,
 * 2 usage error, 3 client-api unreachable or an error answer.
 */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = ServiceCli.Version.class,
        description = "Search the catalog and show recommendations through client-api.",
        subcommands = {SearchCommand.class, RecommendCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:found: matches or recommendations were printed",
            "1:nothing found: no match, or no recommendations for the customer",
            "2:usage error: a bad or missing option (or one client-api refused as a bad parameter)",
            "3:client-api unreachable, credentials refused or an error answer (start it with ./bazaar up)"})
public final class ClientCli {

    static final int FOUND = 0;
    static final int NOTHING_FOUND = 1;
    static final int USAGE = ServiceCli.USAGE;
    static final int SERVICE_ERROR = ServiceCli.SERVICE_ERROR;

    @Option(names = "--url", defaultValue = "${env:BAZAAR_CLIENT_URL}", scope = ScopeType.INHERIT,
            description = "client-api's base URL (default: where the platform in --var runs it).")
    String url;

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}", scope = ScopeType.INHERIT,
            description = "Runtime folder of the platform, holding client-api's URL and credentials (default: ${DEFAULT-VALUE}).")
    Path var;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line: a usage error exits 2 (picocli's own), anything that went wrong talking to
     * client-api prints its message, without a stack trace, and exits 3.
     */
    public static CommandLine commandLine() {
        return ServiceCli.commandLine(new ClientCli());
    }

    ClientApiClient client() {
        return new ClientApiClient(ClientApiTarget.resolve(url, var));
    }
}
