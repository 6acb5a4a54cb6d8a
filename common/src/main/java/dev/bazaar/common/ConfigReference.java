package dev.bazaar.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Renders a Markdown settings reference from a Kafka {@link ConfigDef}, so that a module's document
 * cannot say other than its code: the connectors and the analytics job keep a generated file under
 * {@code docs/}, and a unit test in each fails when the committed file differs from the rendering.
 * A module adds its preamble and, where it has them, its own rows (such as an environment variable).
 */
public final class ConfigReference {

    /** A row of a key's table: its label and how to tell the value for a key. */
    public record Row(String label, Function<ConfigDef.ConfigKey, String> value) {
    }

    private final String preamble;
    private final List<Row> rows;

    private ConfigReference(String preamble, List<Row> rows) {
        this.preamble = preamble;
        this.rows = List.copyOf(rows);
    }

    /** The reference: {@code preamble}, then per key its documentation, type, default, valid values and importance. */
    public static ConfigReference of(String preamble) {
        return of(preamble, List.of(), ConfigReference::type);
    }

    /**
     * The reference with {@code leading} rows before the standard ones, and {@code type} telling a
     * key's type (a module may have finer types than Kafka's, such as a duration).
     */
    public static ConfigReference of(String preamble, List<Row> leading, Function<ConfigDef.ConfigKey, String> type) {
        List<Row> rows = new ArrayList<>(leading);
        rows.add(new Row("Type", type));
        rows.add(new Row("Default", ConfigReference::defaultValue));
        rows.add(new Row("Valid values", ConfigReference::validValues));
        rows.add(new Row("Importance", key -> key.importance.toString().toLowerCase(Locale.ROOT)));
        return new ConfigReference(preamble, rows);
    }

    /** The Markdown document for {@code def}, one section per group in the order the keys are defined. */
    public String render(ConfigDef def) {
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            String group = Objects.requireNonNullElse(key.group, "Other");
            renderKey(key, groups.computeIfAbsent(group, g -> new StringBuilder("\n## ").append(g).append('\n')));
        }
        StringBuilder out = new StringBuilder(preamble);
        groups.values().forEach(out::append);
        return out.toString();
    }

    /**
     * The committed document {@code doc}, first rewritten from {@code def} when the system property
     * {@code bazaar.docs.update} is true: a module's test compares it with {@link #render}, and
     * {@code -Dbazaar.docs.update=true} on that test regenerates it. Absent, it reads as empty.
     */
    public String committed(Path doc, ConfigDef def) throws IOException {
        if (Boolean.getBoolean("bazaar.docs.update")) {
            Files.createDirectories(doc.toAbsolutePath().getParent());
            Files.writeString(doc, render(def), StandardCharsets.UTF_8);
        }
        return Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    }

    /** Kafka's name of the key's type, in lower case. */
    public static String type(ConfigDef.ConfigKey key) {
        return key.type.toString().toLowerCase(Locale.ROOT);
    }

    private void renderKey(ConfigDef.ConfigKey key, StringBuilder out) {
        out.append("\n### `").append(key.name).append("`\n\n").append(key.documentation).append("\n\n")
                .append("| | |\n|---|---|\n");
        rows.forEach(row -> out.append("| ").append(row.label()).append(" | ").append(cell(row.value().apply(key)))
                .append(" |\n"));
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        if (value == null || value instanceof List<?> list && list.isEmpty() || "".equals(value)) {
            return "not set";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return "`" + text + "`";
    }

    private static String validValues(ConfigDef.ConfigKey key) {
        if (key.type == ConfigDef.Type.BOOLEAN) {
            return "true, false";
        }
        if (key.validator == null) {
            return "any";
        }
        // a lambda's toString is its generated class name, which says nothing and changes between runs
        return key.validator.getClass().isHidden() ? "see above" : key.validator.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
