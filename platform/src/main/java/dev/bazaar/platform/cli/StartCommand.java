package dev.bazaar.platform.cli;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bazaar start <component>}: brings one component (and what it needs) back, watched again by the supervisor. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start one component with whatever it depends on, after 'bazaar stop' or a crash loop.")
final class StartCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<component>", description = "A component of 'bazaar components', or a process of one (main-2).")
    private String component;

    @Override
    public Integer call() {
        Platform platform = Bazaar.platform();
        List<ComponentStatus> statuses = platform.start(component, System.out);
        return statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.HEALTHY) ? 0 : Bazaar.FAILURE;
    }
}
