package dev.bazaar.platform.mirror;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.PlatformAccess;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.ManagedProcess;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** MirrorMaker 2 (main to mirror) as a component, principal {@code mirror}: ready when its source connector runs. */
public final class MirrorMakerComponent implements Component {

    private final MirrorMaker mirrorMaker;
    private final PlatformAccess access;

    public MirrorMakerComponent(MirrorMaker mirrorMaker, PlatformAccess access) {
        this.mirrorMaker = mirrorMaker;
        this.access = access;
    }

    public MirrorMaker mirrorMaker() {
        return mirrorMaker;
    }

    @Override
    public String name() {
        return MirrorMaker.COMPONENT;
    }

    @Override
    public Set<String> dependencies() {
        return Set.of(Cluster.MAIN.toString(), Cluster.MIRROR.toString());
    }

    @Override
    public boolean up(StartContext context) {
        mirrorMaker.prepare(KafkaConnection.embedded(access.layout(), Cluster.MAIN, MirrorMaker.PRINCIPAL),
                KafkaConnection.embedded(access.layout(), Cluster.MIRROR, MirrorMaker.PRINCIPAL));
        boolean started = mirrorMaker.start();
        if (started) {
            context.progress().say(name(), "starting");
        }
        mirrorMaker.awaitReady(context.timeout(), access.admin(Cluster.MIRROR));
        return started;
    }

    @Override
    public String address() {
        return "replicating main -> mirror";
    }

    @Override
    public List<String> stop() {
        return mirrorMaker.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        return List.of(mirrorMaker.status(access.admin(Cluster.MIRROR)));
    }

    @Override
    public List<ManagedProcess> processes() {
        return List.of(mirrorMaker.process());
    }

    @Override
    public List<ScrapeTarget> scrapeTargets() {
        URI metrics = URI.create(mirrorMaker.metricsUrl());
        return List.of(new ScrapeTarget("mirror-maker", metrics.getHost() + ":" + metrics.getPort(),
                Map.of("source", MirrorMaker.SOURCE, "target", MirrorMaker.TARGET)));
    }
}
