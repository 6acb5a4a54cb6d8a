package dev.bazaar.platform.cli;

import dev.bazaar.platform.Platform;
import dev.bazaar.platform.supervisor.RestartPolicy;
import dev.bazaar.platform.supervisor.Supervisor;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bazaar supervise}: the supervisor's own process, which {@code up} starts; not for people. */
@Command(name = "supervise", hidden = true, mixinStandardHelpOptions = true,
        description = "Restart components whose process dies (started by up; stopped by down).")
final class SuperviseCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        Platform platform = Bazaar.platform();
        new Supervisor(platform, RestartPolicy.defaults(), Clock.systemUTC(), System.out)
                .run(platform.config().ports().supervisor());
        return 0;
    }
}
