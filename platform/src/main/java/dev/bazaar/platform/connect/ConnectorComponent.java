package dev.bazaar.platform.connect;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.setup.ConnectorApplier;
import dev.bazaar.setup.ConnectorApplier.ConnectorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One connector of {@code setup/connectors/} as a component: it runs in the Connect worker and
 * depends on the worker and on each component its config names by placeholder
 * ({@code ${elasticsearch.url}} needs {@code elasticsearch}); ready when it and its tasks are RUNNING.
 * A connector whose plugin was not built is left out, saying so.
 */
public final class ConnectorComponent implements Component {

    private final String name;
    private final Path file;
    private final Set<String> dependencies;
    private final Supplier<ConnectorApplier> applier;
    private final String connectUrl;
    private final Path log;

    public ConnectorComponent(String name, Path file, Set<String> dependencies, Supplier<ConnectorApplier> applier,
            String connectUrl, Path log) {
        this.connectUrl = connectUrl;
        this.name = name;
        this.file = file;
        this.dependencies = Set.copyOf(dependencies);
        this.applier = applier;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> dependencies() {
        return dependencies;
    }

    @Override
    public boolean up(StartContext context) {
        ConnectorApplier connectors = applier.get();
        try {
            ConnectorSpec spec = spec(connectors);
            if (!connectors.offeredClasses().contains(spec.connectorClass())) {
                context.progress().say(name, "no built plugin offers %s, left out (./bazaar build)",
                        spec.connectorClass());
                return false;
            }
            context.progress().block("setup of connector " + name + ":",
                    connectors.apply(List.of(spec), context.timeout()).lines());
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot apply connector " + name + " from " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying connector " + name, e);
        }
    }

    private ConnectorSpec spec(ConnectorApplier connectors) {
        return connectors.load(file.getParent()).stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " no longer declares connector " + name));
    }

    /** Connectors stop with their worker; there is nothing of their own to stop. */
    @Override
    public List<String> stop() {
        return List.of();
    }

    @Override
    public List<ComponentStatus> status() {
        ConnectorApplier connectors = applier.get();
        String address = connectUrl + "/connectors/" + name + "/status";
        ComponentStatus.State state;
        try {
            if (!connectors.offeredClasses().contains(spec(connectors).connectorClass())) {
                return List.of();
            }
            state = ConnectorApplier.running(connectors.status(name)) ? ComponentStatus.State.HEALTHY
                    : ComponentStatus.State.UNHEALTHY;
        } catch (IOException | RuntimeException e) {
            state = ComponentStatus.State.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = ComponentStatus.State.UNHEALTHY;
        }
        return List.of(new ComponentStatus("connector " + name, address, null, state, log.toString()));
    }

    @Override
    public List<ManagedProcess> processes() {
        return List.of();
    }
}
