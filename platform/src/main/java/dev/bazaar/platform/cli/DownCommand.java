package dev.bazaar.platform.cli;

import dev.bazaar.platform.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bazaar down}: stops exactly the processes {@code up} started; {@code --purge} also deletes var/. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop every component the platform started (recorded pids, each cluster's nodes together).")
final class DownCommand implements Callable<Integer> {

    @Option(names = "--purge", description = "Also delete all runtime state: data, logs, certificates, secrets.")
    private boolean purge;

    @Override
    public Integer call() {
        Platform platform = Bazaar.platform();
        List<String> killed = platform.down();
        if (!killed.isEmpty()) {
            System.out.println("killed, as they did not stop in time: " + String.join(", ", killed));
        }
        System.out.println("stopped");
        if (purge) {
            platform.purge();
            System.out.println("deleted " + platform.layout().root());
        }
        return 0;
    }
}
