package dev.bazaar.platform.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every component the platform can run, each declared once, in an order where each comes after
 * what it depends on, and the named groups users select by ({@code services}, {@code monitoring},
 * ...). Selecting a component brings what it depends on: {@code shop-api} brings the main cluster
 * and the registry, nothing else.
 */
public final class Catalog {

    /** The group of every component. */
    public static final String ALL = "all";

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();

    /**
     * @param components every component, each after its dependencies
     * @param groups named sets of components; {@link #ALL} is added
     */
    public Catalog(List<Component> components, Map<String, List<String>> groups) {
        for (Component component : components) {
            for (String dependency : component.dependencies()) {
                if (!this.components.containsKey(dependency)) {
                    throw new IllegalArgumentException(component.name() + " depends on " + dependency
                            + ", which is not declared before it");
                }
            }
            if (this.components.put(component.name(), component) != null) {
                throw new IllegalArgumentException("component " + component.name() + " is declared twice");
            }
        }
        groups.forEach((group, members) -> {
            if (this.components.containsKey(group) && !members.equals(List.of(group))) {
                throw new IllegalArgumentException("group " + group + " has the name of a component but other members");
            }
            members.forEach(this::component);
            this.groups.put(group, List.copyOf(members));
        });
        this.groups.put(ALL, List.copyOf(this.components.keySet()));
    }

    /** Every component, each after its dependencies. */
    public List<Component> all() {
        return List.copyOf(components.values());
    }

    /** The named groups and their members. */
    public Map<String, List<String>> groups() {
        return Map.copyOf(groups);
    }

    /** The component named {@code name}; fails listing the known names. */
    public Component component(String name) {
        Component component = components.get(name);
        if (component == null) {
            throw new IllegalArgumentException("unknown component '" + name + "'; components: "
                    + String.join(", ", components.keySet()) + "; groups: " + String.join(", ", groups.keySet()));
        }
        return component;
    }

    /**
     * The component named {@code name}, or the one that runs the process named so ({@code main-2} is
     * a node of {@code main}); fails listing the known names.
     */
    public Component owner(String name) {
        if (components.containsKey(name)) {
            return components.get(name);
        }
        return components.values().stream()
                .filter(component -> component.processes().stream().anyMatch(p -> p.component().equals(name)))
                .findFirst().orElseGet(() -> component(name));
    }

    /** The components of a component type, e.g. every connector. */
    public <T extends Component> List<T> all(Class<T> type) {
        return components.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The components {@code names} (component or group names) select, with everything they depend
     * on, each after its dependencies; fails naming an unknown name.
     */
    public List<Component> select(Collection<String> names) {
        Set<String> chosen = new HashSet<>();
        List<String> pending = new ArrayList<>();
        for (String name : names) {
            String trimmed = name.strip();
            if (!trimmed.isEmpty()) {
                pending.addAll(groups.containsKey(trimmed) ? groups.get(trimmed) : List.of(component(trimmed).name()));
            }
        }
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (chosen.add(name)) {
                pending.addAll(component(name).dependencies());
            }
        }
        return components.values().stream().filter(component -> chosen.contains(component.name())).toList();
    }

    /**
     * The components in waves that may stop together: those nothing else depends on first, the
     * components everything depends on (the clusters) last.
     */
    public List<List<Component>> stopWaves() {
        Map<String, Integer> depth = new HashMap<>();
        int deepest = 0;
        for (Component component : components.values()) {
            int own = component.dependencies().stream().mapToInt(depth::get).map(d -> d + 1).max().orElse(0);
            depth.put(component.name(), own);
            deepest = Math.max(deepest, own);
        }
        List<List<Component>> waves = new ArrayList<>();
        List<Component> last = components.values().stream().filter(Component::startsLast).toList();
        if (!last.isEmpty()) {
            waves.add(last);
        }
        for (int level = deepest; level >= 0; level--) {
            int wave = level;
            List<Component> members = components.values().stream()
                    .filter(component -> !component.startsLast() && depth.get(component.name()) == wave).toList();
            if (!members.isEmpty()) {
                waves.add(members);
            }
        }
        return waves;
    }
}
