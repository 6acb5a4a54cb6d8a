package dev.bazaar.platform.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private final Catalog catalog = new Catalog(List.of(
            Declared.of("main"), Declared.of("mirror"), Declared.of("registry", "main"),
            Declared.of("elasticsearch"), Declared.of("shop-api", "main", "registry"),
            Declared.of("client-api", "main", "registry", "elasticsearch"), Declared.of("mirror-maker", "main", "mirror")),
            Map.of("core", List.of("main", "mirror", "registry"), "services", List.of("elasticsearch", "shop-api",
                    "client-api"), "mirroring", List.of("mirror-maker")));

    @Test
    void aComponentBringsWhatItDependsOnAndNothingElse() {
        // when shop-api is selected
        List<String> selected = names(catalog.select(List.of("shop-api")));

        // then the main cluster and the registry come with it, each before what needs it
        assertThat(selected).as("selected for shop-api").containsExactly("main", "registry", "shop-api");
    }

    @Test
    void groupsAndNamesMixAndEveryComponentComesAfterItsDependencies() {
        // when a group and a component are selected together
        List<String> selected = names(catalog.select(List.of("mirroring", " client-api ")));

        // then both with their dependencies, in declaration order
        assertThat(selected).as("selected for mirroring + client-api")
                .containsExactly("main", "mirror", "registry", "elasticsearch", "client-api", "mirror-maker");
        assertThat(names(catalog.select(List.of(Catalog.ALL)))).as("all").hasSize(7);
    }

    @Test
    void anUnknownNameIsRefusedListingWhatIsKnown() {
        assertThatThrownBy(() -> catalog.select(List.of("shop")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown component 'shop'")
                .hasMessageContaining("shop-api")
                .hasMessageContaining("groups: ");
    }

    @Test
    void aDependencyDeclaredAfterItsDependentIsRefused() {
        assertThatThrownBy(() -> new Catalog(List.of(Declared.of("registry", "main"), Declared.of("main")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registry depends on main, which is not declared before it");
        assertThatThrownBy(() -> new Catalog(List.of(Declared.of("main"), Declared.of("main")), Map.of()))
                .hasMessage("component main is declared twice");
    }

    @Test
    void componentsStopInWavesWhatNothingNeedsFirstTheClustersLast() {
        // when the stop order is asked
        List<List<String>> waves = catalog.stopWaves().stream().map(CatalogTest::names).toList();

        // then dependents stop before what they depend on, and independent ones together
        assertThat(waves).as("stop waves").containsExactly(
                List.of("shop-api", "client-api"),
                List.of("registry", "mirror-maker"),
                List.of("main", "mirror", "elasticsearch"));
    }

    private static List<String> names(List<? extends Component> components) {
        return components.stream().map(Component::name).toList();
    }
}
