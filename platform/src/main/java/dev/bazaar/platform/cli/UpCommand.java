package dev.bazaar.platform.cli;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.monitoring.Monitoring;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bazaar up}: starts what does not run, waits until it answers, applies setup, says where all is. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the platform's components (all, or those BAZAAR_COMPONENTS names, with what they "
                + "depend on), each as soon as its dependencies are ready, and apply setup/.")
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
        platform.endpoints().serviceUrl("console").filter(url -> statuses.stream()
                .anyMatch(s -> s.component().equals("console"))).ifPresent(console -> System.out.println(
                        "Console:           " + console + "  (sign in as your Kafka principal: its password is in "
                                + "./bazaar client-properties <principal>)"));
        if (statuses.stream().anyMatch(s -> s.component().equals(Monitoring.PROMETHEUS))) {
            String prometheus = platform.monitoring().prometheusUrl();
            System.out.println("Prometheus:        " + prometheus + "  (alerts: " + prometheus
                    + "/alerts; Grafana dashboards: grafana/)");
            System.out.println("Alertmanager:      " + platform.monitoring().alertmanagerUrl());
        }
        return statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.HEALTHY) ? 0 : Bazaar.FAILURE;
    }
}
