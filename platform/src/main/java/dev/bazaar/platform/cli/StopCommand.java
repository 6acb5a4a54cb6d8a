package dev.bazaar.platform.cli;

import dev.bazaar.platform.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bazaar stop <component>}: takes one component down on purpose; the supervisor leaves it down. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop one component (e.g. main, registry, connect, shop-api) or one of its processes (e.g. main-2); "
                + "the supervisor does not restart it until 'bazaar start <component>' or 'bazaar up'.")
final class StopCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<component>", description = "A component of 'bazaar components', or a process of one "
            + "as 'bazaar status' lists it (main-2).")
    private String component;

    @Override
    public Integer call() {
        Platform platform = Bazaar.platform();
        List<String> killed = platform.stop(component);
        if (!killed.isEmpty()) {
            System.out.println("killed, as they did not stop in time: " + String.join(", ", killed));
        }
        System.out.println(component + ": stopped (not restarted until ./bazaar start " + component + ")");
        return 0;
    }
}
