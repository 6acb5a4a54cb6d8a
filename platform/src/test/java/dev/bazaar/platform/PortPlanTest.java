package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortPlanTest {

    @Test
    void defaultBaseGivesTheFamiliarPortsAndNoPortTwice() {
        PortPlan plan = new PortPlan(PortPlan.DEFAULT_BASE);
        List<Integer> ports = new ArrayList<>();
        for (int id = 1; id <= PortPlan.MAIN_NODES; id++) {
            ports.add(plan.mainBroker(id));
            ports.add(plan.mainController(id));
        }
        ports.addAll(List.of(plan.mirrorBroker(), plan.mirrorController(), plan.registryHttp(), plan.registryManagement(),
                plan.shopApi(), plan.streamFilter(), plan.connectRest(), plan.connectMetrics(), plan.mirrorMakerMetrics(),
                plan.elasticsearchHttp(), plan.elasticsearchTransport(), plan.mirrorBrokerMetrics(), plan.prometheus(),
                plan.alertmanager(), plan.blackboxExporter(), plan.clientApi(), plan.namenodeRpc(), plan.namenodeHttp(),
                plan.datanodeTransfer(), plan.datanodeHttp(), plan.datanodeIpc(), plan.datanodeInternalProxy(), plan.analyticsScheduler()));
        for (int id = 1; id <= PortPlan.MAIN_NODES; id++) {
            ports.add(plan.mainBrokerMetrics(id));
        }
        assertThat(plan.mainBroker(1)).as("first main broker").isEqualTo(9092);
        assertThat(ports).as("all ports").doesNotHaveDuplicates();
    }

    @Test
    void baseOutsideTheUsablePortsIsRefused() {
        assertThatThrownBy(() -> new PortPlan(80)).hasMessageContaining("port base must be within 1024..65000, was 80");
    }
}
