package dev.bazaar.platform.postgres;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.ssl.TlsIdentity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL as a component: ready when its superuser logs in over TLS and the platform's database exists. */
public final class PostgresComponent implements Component {

    private final PostgresServer server;

    public PostgresComponent(PostgresServer server) {
        this.server = server;
    }

    public PostgresServer server() {
        return server;
    }

    @Override
    public String name() {
        return PostgresServer.COMPONENT;
    }

    @Override
    public Set<String> dependencies() {
        return Set.of();
    }

    @Override
    public Optional<String> unavailable() {
        return server.built() ? Optional.empty() : Optional.of("not built (./bazaar build)");
    }

    @Override
    public List<TlsIdentity> tlsIdentities() {
        return List.of(new TlsIdentity(name(), "service", List.of(name())));
    }

    @Override
    public boolean up(StartContext context) {
        boolean started = server.launch();
        if (started) {
            context.progress().say(name(), "starting");
        }
        server.awaitReady(context.timeout());
        return started;
    }

    @Override
    public List<String> stop() {
        return server.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        return server.built() ? List.of(server.status()) : List.of();
    }

    @Override
    public List<ManagedProcess> processes() {
        return List.of(server.process());
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of(name(), "postgresql://127.0.0.1:" + server.port() + "/" + PostgresServer.DATABASE);
    }
}
