package dev.bazaar.platform.cli;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bazaar up}: starts what does not run, waits until it answers, applies setup, says where all is. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the platform (main and mirror clusters, schema registry, and the parts of BAZAAR_PARTS: "
                + "services, MirrorMaker 2, monitoring) and apply setup/.")
final class UpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Platform platform = Bazaar.platform();
        List<ComponentStatus> statuses = platform.up(System.out);
        System.out.println();
        StatusTable.print(System.out, statuses);
        System.out.println();
        System.out.println("Connect a client:  ./bazaar client-properties <principal> > client.properties");
        System.out.println("                   (principals: admin and those in setup/access.yaml)");
        System.out.println("Schema registry:   " + platform.endpoints().registryUrl()
                + "/apis/ccompat/v7  (users admin, developer, readonly; passwords in "
                + platform.layout().secretsDir() + ")");
        platform.endpoints().serviceUrl("prometheus").ifPresent(url -> System.out.println(
                "Prometheus:        " + url + "  (alerts: " + url + "/alerts; Grafana dashboards: grafana/)"));
        platform.endpoints().serviceUrl("alertmanager").ifPresent(url -> System.out.println(
                "Alertmanager:      " + url));
        return statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.HEALTHY) ? 0 : Bazaar.FAILURE;
    }
}
