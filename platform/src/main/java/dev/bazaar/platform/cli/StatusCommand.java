package dev.bazaar.platform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bazaar.platform.ComponentStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bazaar status}: each component, its address, pid and health; {@code --json} for scripts. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each component: address, pid, state (healthy, unhealthy, stopped) and log.")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array of {component, address, pid, state, log}.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        List<ComponentStatus> statuses = Bazaar.platform().status();
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING).writeValueAsString(statuses));
        } else {
            StatusTable.print(System.out, statuses);
        }
        return statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.HEALTHY) ? 0 : 3;
    }
}
