package dev.bazaar.console.roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The console's role table ({@code setup/console-roles.yaml}, beside the ACLs): which principals may
 * take the actions the console performs with its own service credential (Connect, Alertmanager) or
 * that need a deliberate grant beyond an ACL. Declared in the repository, not in the console, so a
 * change is reviewed like an ACL; checked whole at start.
 */
public final class ConsoleRoles {

    /** The actions the table governs, by their key in the file. */
    public enum Action {
        CONNECTOR_RESTART("connector.restart", "restart a connector"),
        CONNECTOR_PAUSE("connector.pause", "pause a connector"),
        CONNECTOR_RESUME("connector.resume", "resume a connector"),
        ALERT_SILENCE("alert.silence", "silence an alert"),
        GROUP_RESET_OFFSETS("group.reset-offsets", "reset a group's offsets"),
        MIRROR_FAILOVER("mirror.failover", "fail a group over to the mirror");

        private final String key;
        private final String description;

        Action(String key, String description) {
            this.key = key;
            this.description = description;
        }

        public String key() {
            return key;
        }

        public String description() {
            return description;
        }
    }

    private final Path file;
    private final Map<Action, Set<String>> allowed;

    private ConsoleRoles(Path file, Map<Action, Set<String>> allowed) {
        this.file = file;
        this.allowed = allowed;
    }

    /** The table of {@code file}; an error names the file and the key that is wrong. */
    public static ConsoleRoles load(Path file) {
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's role table " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("actions") instanceof Map<?, ?> actions)) {
            throw new IllegalArgumentException(file + ": needs a map 'actions' of action → list of principals");
        }
        Map<Action, Set<String>> allowed = new EnumMap<>(Action.class);
        for (Map.Entry<?, ?> entry : actions.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Action action = Arrays.stream(Action.values()).filter(a -> a.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ": actions." + key + " is no action of the "
                            + "console; its actions: " + keys()));
            if (!(entry.getValue() instanceof List<?> principals) || principals.isEmpty()
                    || principals.stream().anyMatch(p -> !(p instanceof String s) || s.isBlank())) {
                throw new IllegalArgumentException(file + ": actions." + key + " must list principals, e.g. [admin, ops]");
            }
            allowed.put(action, principals.stream().map(p -> ((String) p).strip())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        for (Action action : Action.values()) {
            if (!allowed.containsKey(action)) {
                throw new IllegalArgumentException(file + ": actions." + action.key() + " is missing (who may "
                        + action.description() + "?)");
            }
        }
        return new ConsoleRoles(file, allowed);
    }

    public boolean allows(String principal, Action action) {
        return allowed.get(action).contains(principal);
    }

    public Set<String> principals(Action action) {
        return Set.copyOf(allowed.get(action));
    }

    /** Why {@code principal} may not take {@code action}: who may, and where that is declared. */
    public String refusal(String principal, Action action) {
        return "principal " + principal + " may not " + action.description() + " through the console: "
                + file.getFileName() + " (setup/) allows " + action.key() + " to " + String.join(", ", allowed.get(action))
                + " only";
    }

    private static String keys() {
        return Arrays.stream(Action.values()).map(Action::key).collect(Collectors.joining(", ")).toLowerCase(Locale.ROOT);
    }
}
