package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.platform.component.Instances;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortPlanTest {

    @Test
    void defaultBaseGivesTheFamiliarPorts() {
        PortPlan plan = new PortPlan(PortPlan.DEFAULT_BASE);
        assertThat(plan.mainBroker(1)).as("first main broker").isEqualTo(9092);
        assertThat(plan.shopApi()).as("shop-api").isEqualTo(9090);
        assertThat(plan.elasticsearchHttp()).as("Elasticsearch").isEqualTo(9200);
    }

    /** Every port method of the plan is enumerated, so a port added later is checked without new test code. */
    @Test
    void noPortOfThePlanIsHandedOutTwiceNorLeavesTheBlockOfItsBase() throws Exception {
        // given every port the plan hands out: each method, for each node and each instance of each service slot
        PortPlan plan = new PortPlan(PortPlan.DEFAULT_BASE);
        List<String> ports = new ArrayList<>();
        for (Method method : PortPlan.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                    || method.getReturnType() != int.class || method.getName().equals("base")
                    || method.getName().equals("hashCode")) {
                continue;
            }
            for (Object[] args : argumentsOf(method)) {
                ports.add(method.invoke(plan, args) + " " + method.getName() + Arrays.toString(args));
            }
        }

        // then no two are the same, and all lie within base..base+499, so platforms 500 apart never collide
        assertThat(ports).as("ports").hasSizeGreaterThan(40);
        assertThat(ports.stream().map(port -> port.split(" ")[0]).toList()).as("ports: %s", ports).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(Integer.parseInt(port)).isBetween(PortPlan.DEFAULT_BASE, PortPlan.DEFAULT_BASE + 499));
    }

    private static List<Object[]> argumentsOf(Method method) {
        return switch (method.getParameterCount()) {
            case 0 -> List.<Object[]>of(new Object[0]);
            case 1 -> IntStream.rangeClosed(1, PortPlan.MAIN_NODES).mapToObj(id -> new Object[] {id}).toList();
            case 2 -> IntStream.range(0, 10).boxed().flatMap(slot -> IntStream.rangeClosed(2, Instances.MAX)
                    .mapToObj(instance -> new Object[] {slot, instance})).toList();
            default -> throw new IllegalStateException("a port method with 3 parameters: " + method);
        };
    }

    @Test
    void baseOutsideTheUsablePortsIsRefused() {
        assertThatThrownBy(() -> new PortPlan(80)).hasMessageContaining("port base must be within 1024..65000, was 80");
    }
}
