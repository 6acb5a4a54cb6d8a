package dev.bazaar.platform.cli;

import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.monitoring.AlertsReport;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bazaar alerts}: what the console's {@code /alerts} shows, in a terminal — the alerts firing
 * now as Alertmanager has them (as admin), then each alert's latest notification that Alertmanager
 * delivered to the console (firing and resolved, newest first).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Print the alerts firing now (Alertmanager) and the latest notifications delivered to the console.")
final class AlertsCommand implements Callable<Integer> {

    @Option(names = "--last", defaultValue = "20", description = "notifications to print (default ${DEFAULT-VALUE})")
    private int last;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (last < 0) {
            throw new IllegalArgumentException("--last must be 0 or more, not " + last);
        }
        AlertsReport.print(PlatformConfig.resolve(System.getenv()).layout(), last, System.out);
        return 0;
    }
}
