package dev.bazaar.platform.cli;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bazaar scale <service> <instances>}: a Streams app's partitions spread over several members of its group. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Run <instances> (1-9) instances of a service of ours; later 'up's and the supervisor keep that count.")
final class ScaleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<service>", description = "shop-api, stream-filter or client-api.")
    private String component;

    @Parameters(index = "1", paramLabel = "<instances>", description = "How many instances, 1 to 9.")
    private int instances;

    @Override
    public Integer call() {
        Platform platform = Bazaar.platform();
        List<ComponentStatus> statuses = platform.scale(component, instances, System.out);
        StatusTable.print(System.out, statuses);
        return statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.HEALTHY) ? 0 : Bazaar.FAILURE;
    }
}
