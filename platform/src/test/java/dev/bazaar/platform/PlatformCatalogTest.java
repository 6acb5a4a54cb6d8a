package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.component.Catalog;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.Instances;
import dev.bazaar.platform.monitoring.PrometheusConfig;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.service.ServiceComponent;
import dev.bazaar.platform.supervisor.Supervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's own catalog: what each component brings, and the lists that derive from it. */
class PlatformCatalogTest {

    private static final Path HOME = Path.of(System.getProperty("bazaar.home", "..")).toAbsolutePath().normalize();
    private static final Pattern JOB = Pattern.compile("(?m)^\\s*- job_name:\\s*(\\S+)\\s*$");

    @TempDir
    Path var;

    @Test
    void eachServiceBringsTheClusterAndTheRegistryAndOnlyWhatItUses() {
        // given the platform's catalog
        Catalog catalog = catalog();

        // then each selection is exactly the component and what it depends on
        assertThat(names(catalog.select(List.of("shop-api")))).as("shop-api").containsExactly("main", "registry",
                "shop-api");
        assertThat(names(catalog.select(List.of("client-api")))).as("client-api")
                .containsExactly("main", "registry", "elasticsearch", "client-api");
        assertThat(names(catalog.select(List.of("mirror-maker")))).as("mirror-maker")
                .containsExactly("main", "mirror", "mirror-maker");
        assertThat(names(catalog.select(List.of("core")))).as("core").containsExactly("main", "mirror", "registry");
    }

    @Test
    void aConnectorDependsOnTheWorkerAndOnWhatItsConfigNamesByPlaceholder() {
        Catalog catalog = catalog();
        assertThat(catalog.component("search-sink").dependencies()).as("search-sink")
                .containsExactlyInAnyOrder("connect", "elasticsearch");
        assertThat(catalog.component("hdfs-orders-sink").dependencies()).as("hdfs-orders-sink")
                .containsExactlyInAnyOrder("connect", "hdfs");
        assertThat(catalog.groups().get("services")).as("services group").contains("search-sink", "hdfs-orders-sink");
    }

    @Test
    void everyScrapeJobOfPrometheusIsOneAComponentFillsAndEveryTargetHasItsJob() throws Exception {
        // given the jobs of prometheus.yml and the targets every component declares (and the supervisor's)
        Set<String> configured = new TreeSet<>();
        Matcher jobs = JOB.matcher(Files.readString(HOME.resolve("prometheus/prometheus.yml")));
        while (jobs.find()) {
            configured.add(jobs.group(1));
        }
        Set<String> filled = catalog().all().stream().flatMap(component -> component.scrapeTargets().stream())
                .map(ScrapeTarget::job).collect(Collectors.toCollection(TreeSet::new));
        filled.add(Supervisor.COMPONENT);

        // then they are the same set, and the same as the jobs the launcher writes target files for
        assertThat(filled).as("jobs the components fill").isEqualTo(configured);
        assertThat(new TreeSet<>(PrometheusConfig.jobs(HOME.resolve("prometheus/prometheus.yml"))))
                .as("jobs the launcher writes target files for").isEqualTo(configured);
    }

    @Test
    void everyComponentIsDeclaredAfterWhatItDependsOnAndListsItsProcesses() {
        List<Component> all = catalog().all();
        for (int i = 0; i < all.size(); i++) {
            Set<String> before = Set.copyOf(names(all.subList(0, i)));
            assertThat(before).as("declared before %s", all.get(i).name()).containsAll(all.get(i).dependencies());
        }
        assertThat(all).as("components with processes the supervisor watches")
                .filteredOn(component -> !component.processes().isEmpty()).extracting(Component::name)
                .contains("main", "mirror", "registry", "elasticsearch", "hdfs", "postgres", "connect", "shop-api",
                        "stream-filter", "client-api", "events-api", "dedup", "promo", "analytics", "console",
                        "mirror-maker", "monitoring");
    }

    @Test
    void ourServicesScaleToInstancesWithTheirOwnProcessesAndPortsWhileTheOthersRunOne() {
        // given the catalog, and stream-filter scaled to 3 instances
        Catalog catalog = catalog();
        new Instances(new RuntimeLayout(var)).set("stream-filter", 3);

        // then exactly our own services scale
        assertThat(catalog.all(ServiceComponent.class)).filteredOn(ServiceComponent::scalable)
                .extracting(Component::name).containsExactly("shop-api", "stream-filter", "client-api", "events-api", "dedup",
                        "promo");

        // and stream-filter watches three processes on three ports, each scraped by its job
        ServiceComponent filter = (ServiceComponent) catalog.component("stream-filter");
        assertThat(filter.processes()).extracting(ManagedProcess::component)
                .containsExactly("stream-filter", "stream-filter-2", "stream-filter-3");
        assertThat(filter.scrapeTargets()).filteredOn(target -> target.job().equals("stream-filter"))
                .extracting(ScrapeTarget::address).containsExactly("127.0.0.1:9091", "127.0.0.1:9412", "127.0.0.1:9413");
        assertThat(catalog.component("shop-api").processes()).as("shop-api, not scaled").hasSize(1);
    }

    @Test
    void aProcessNameLeadsToItsComponentSoThatOneNodeCanBeStoppedAndStarted() {
        Catalog catalog = catalog();
        assertThat(catalog.owner("main-2").name()).as("owner of main-2").isEqualTo("main");
        assertThat(catalog.owner("mirror-1").name()).as("owner of mirror-1").isEqualTo("mirror");
        assertThat(catalog.owner("stream-filter").name()).as("a component is its own owner").isEqualTo("stream-filter");
        assertThatThrownBy(() -> catalog.owner("main-7")).hasMessageStartingWith("unknown component 'main-7'; components: main,");
    }

    @Test
    void aComponentThatRunsOneInstanceRefusesToScaleNamingThoseThatCan() {
        Platform platform = new Platform(new PlatformConfig(HOME, new RuntimeLayout(var), new PortPlan(PortPlan.DEFAULT_BASE),
                Duration.ofSeconds(30), List.of(Catalog.ALL), "5m"));
        assertThatThrownBy(() -> platform.scale("elasticsearch", 2, System.out))
                .hasMessage("elasticsearch runs one instance; these can run more: shop-api, stream-filter, client-api, events-api,"
                        + " dedup, promo");
    }

    private Catalog catalog() {
        return new Platform(new PlatformConfig(HOME, new RuntimeLayout(var), new PortPlan(PortPlan.DEFAULT_BASE),
                Duration.ofSeconds(30), List.of(Catalog.ALL), "5m")).catalog();
    }

    private static List<String> names(List<Component> components) {
        return components.stream().map(Component::name).toList();
    }
}
