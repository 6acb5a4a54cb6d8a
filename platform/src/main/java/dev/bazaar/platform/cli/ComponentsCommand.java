package dev.bazaar.platform.cli;

import dev.bazaar.platform.component.Catalog;
import dev.bazaar.platform.component.Component;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bazaar components}: the catalog, what each component depends on, and the groups to select by. */
@Command(name = "components", mixinStandardHelpOptions = true,
        description = "List the components the platform can run, what each depends on, and the groups "
                + "BAZAAR_COMPONENTS accepts.")
final class ComponentsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Catalog catalog = Bazaar.platform().catalog();
        System.out.printf("%-18s %s%n", "COMPONENT", "DEPENDS ON");
        for (Component component : catalog.all()) {
            String needs = component.startsLast() ? "(starts after every other selected component)"
                    : String.join(", ", new TreeSet<>(component.dependencies()));
            System.out.printf("%-18s %s%n", component.name(), needs.isEmpty() ? "-" : needs);
        }
        System.out.println();
        System.out.printf("%-18s %s%n", "GROUP", "COMPONENTS");
        for (Map.Entry<String, java.util.List<String>> group : new java.util.TreeMap<>(catalog.groups()).entrySet()) {
            System.out.printf("%-18s %s%n", group.getKey(), String.join(", ", group.getValue()));
        }
        return 0;
    }
}
