package dev.bazaar.platform.registry;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.PlatformAccess;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.ssl.TlsIdentity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The schema registry as a component: its journal lives on the main cluster; ready once {@code setup/}'s schemas are registered. */
public final class RegistryComponent implements Component {

    private final SchemaRegistry registry;
    private final PlatformAccess access;

    public RegistryComponent(SchemaRegistry registry, PlatformAccess access) {
        this.registry = registry;
        this.access = access;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    @Override
    public String name() {
        return SchemaRegistry.COMPONENT;
    }

    @Override
    public Set<String> dependencies() {
        return Set.of(Cluster.MAIN.toString());
    }

    @Override
    public List<TlsIdentity> tlsIdentities() {
        return List.of(new TlsIdentity(SchemaRegistry.COMPONENT, "service", List.of(SchemaRegistry.COMPONENT)));
    }

    @Override
    public boolean up(StartContext context) {
        registry.prepare(KafkaConnection.embedded(access.layout(), Cluster.MAIN, SchemaRegistry.PRINCIPAL),
                context.keystore(SchemaRegistry.COMPONENT), access.secrets().password(PlatformTls.KEYSTORE_SECRET));
        boolean started = registry.start();
        if (started) {
            context.progress().say(name(), "starting");
        }
        registry.awaitReady(context.timeout());
        applySchemas(context);
        return started;
    }

    /** Registers the schemas of {@code setup/schemas} (BACKWARD compatible changes only). */
    public void applySchemas(StartContext context) {
        context.progress().block("setup of schemas:",
                access.setup().applySchemas(access.registryAs(RegistryUser.ADMIN)).lines());
    }

    @Override
    public List<String> stop() {
        return registry.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        return List.of(registry.status());
    }

    @Override
    public List<ManagedProcess> processes() {
        return List.of(registry.process());
    }

    @Override
    public String address() {
        return registry.url();
    }

    @Override
    public List<ScrapeTarget> scrapeTargets() {
        return List.of(new ScrapeTarget("blackbox-tls", registry.url().replaceFirst("^https://", ""),
                Map.of("component", SchemaRegistry.COMPONENT)));
    }
}
