package dev.bazaar.platform.hdfs;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.process.Jvm;
import dev.bazaar.platform.process.ManagedProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** HDFS (a NameNode and a DataNode) as a component: ready when the NameNode takes writes. */
public final class HdfsComponent implements Component {

    public static final String NAME = "hdfs";

    private final Hdfs hdfs;
    private final Jvm java;

    public HdfsComponent(Hdfs hdfs, Jvm java) {
        this.hdfs = hdfs;
        this.java = java;
    }

    public Hdfs hdfs() {
        return hdfs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> dependencies() {
        return Set.of();
    }

    @Override
    public Optional<String> unavailable() {
        return hdfs.built() ? Optional.empty() : Optional.of("not built (./bazaar build)");
    }

    @Override
    public boolean up(StartContext context) {
        boolean started = hdfs.launch(java);
        if (started) {
            context.progress().say(name(), "starting");
        }
        hdfs.awaitReady(context.timeout());
        return started;
    }

    @Override
    public List<String> stop() {
        return hdfs.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        return hdfs.built() ? hdfs.status() : List.of();
    }

    @Override
    public List<ManagedProcess> processes() {
        return hdfs.processes();
    }

    @Override
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(NAME, hdfs.url());
        endpoints.put("webhdfs", hdfs.webUrl());
        return endpoints;
    }
}
