package dev.bazaar.console.dashboards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every dashboard of a folder ({@code grafana/dashboards/}), listed by title and found by uid, so the
 * console serves the same dashboards Grafana is provisioned with.
 */
public final class Dashboards {

    private static final Logger log = LoggerFactory.getLogger(Dashboards.class);

    private final List<Dashboard> byTitle;
    private final Map<String, Dashboard> byUid;

    private Dashboards(List<Dashboard> byTitle, Map<String, Dashboard> byUid) {
        this.byTitle = List.copyOf(byTitle);
        this.byUid = Map.copyOf(byUid);
    }

    /**
     * Reads every {@code *.json} file of the folder.
     *
     * @throws InvalidDashboardException naming the file that is not a dashboard, or both files of a uid
     * @throws IOException               when the folder or a file cannot be read
     */
    public static Dashboards load(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        List<Dashboard> dashboards = new ArrayList<>(files.size());
        Map<String, Dashboard> byUid = new HashMap<>();
        Map<String, Path> fileOfUid = new HashMap<>();
        for (Path file : files) {
            Dashboard dashboard = Dashboard.read(file);
            Path previous = fileOfUid.putIfAbsent(dashboard.uid(), file);
            if (previous != null) {
                throw new InvalidDashboardException(file + " has uid '" + dashboard.uid() + "' that " + previous
                        + " has already");
            }
            byUid.put(dashboard.uid(), dashboard);
            dashboards.add(dashboard);
        }
        dashboards.sort(Comparator.comparing(Dashboard::title, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Dashboard::title).thenComparing(Dashboard::uid));
        log.info("Read {} dashboards from {}", dashboards.size(), folder);
        return new Dashboards(dashboards, byUid);
    }

    /** The dashboards sorted by title, ignoring case as Grafana's list does. */
    public List<Dashboard> all() {
        return byTitle;
    }

    public Optional<Dashboard> byUid(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }
}
