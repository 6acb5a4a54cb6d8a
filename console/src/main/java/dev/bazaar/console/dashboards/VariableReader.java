package dev.bazaar.console.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Reads a dashboard's template variables ({@code templating.list}) with their stored choices and the
 * values chosen when the dashboard opens.
 */
final class VariableReader {

    /** Grafana's split of a custom variable's query: commas, except escaped ones ({@code \,}). */
    private static final Pattern CUSTOM_VALUE = Pattern.compile("(?:\\\\,|[^,])+");
    private static final String CUSTOM = "custom";

    private final JsonFields fields;

    VariableReader(JsonFields fields) {
        this.fields = fields;
    }

    List<Variable> variables(JsonNode root) {
        JsonNode templating = root.path("templating");
        List<JsonNode> nodes = templating.isObject() ? fields.array(templating, "list", "templating") : List.of();
        List<Variable> variables = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            variables.add(variable(nodes.get(i), JsonFields.element("templating", "list", i)));
        }
        return variables;
    }

    private Variable variable(JsonNode node, String path) {
        String name = fields.requiredText(node, "name", path);
        String type = fields.text(node, "type").orElse("query");
        String query = query(node);
        List<VariableOption> options = options(node, path);
        if (options.isEmpty() && CUSTOM.equals(type)) {
            options = customOptions(query);
        }
        return new Variable(name, fields.text(node, "label").filter(label -> !label.isEmpty()).orElse(name), type,
                query, current(node, options), options, fields.flag(node, "includeAll"), fields.flag(node, "multi"),
                fields.text(node, "allValue").filter(all -> !all.isEmpty()));
    }

    /** The query as text: Grafana 10 stores a Prometheus variable's query as an object beside its definition. */
    private String query(JsonNode node) {
        JsonNode query = node.path("query");
        if (query.isTextual()) {
            return query.textValue();
        }
        if (query.path("query").isTextual()) {
            return query.path("query").textValue();
        }
        return fields.text(node, "definition").orElse("");
    }

    private List<VariableOption> options(JsonNode node, String path) {
        List<JsonNode> nodes = fields.array(node, "options", path);
        List<VariableOption> options = new ArrayList<>(nodes.size());
        for (JsonNode option : nodes) {
            String value = option.path("value").asText();
            options.add(new VariableOption(option.path("text").asText(value), value, fields.flag(option, "selected")));
        }
        return options;
    }

    /** Grafana's custom values: {@code a,b} or {@code text : value} pairs, trimmed, {@code \,} a comma. */
    private static List<VariableOption> customOptions(String query) {
        List<VariableOption> options = new ArrayList<>();
        Matcher matcher = CUSTOM_VALUE.matcher(query);
        while (matcher.find()) {
            String item = matcher.group().replace("\\,", ",").strip();
            int separator = item.indexOf(" : ");
            String text = separator < 0 ? item : item.substring(0, separator).strip();
            String value = separator < 0 ? item : item.substring(separator + 3).strip();
            options.add(new VariableOption(text, value, false));
        }
        return options;
    }

    /** The stored current value(s); else the options marked selected; else the first option, as Grafana picks. */
    private static List<String> current(JsonNode node, List<VariableOption> options) {
        JsonNode value = node.path("current").path("value");
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (value.isArray() && !value.isEmpty()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).toList();
        }
        List<String> selected = options.stream().filter(VariableOption::selected).map(VariableOption::value).toList();
        if (!selected.isEmpty()) {
            return selected;
        }
        return options.isEmpty() ? List.of() : List.of(options.get(0).value());
    }
}
