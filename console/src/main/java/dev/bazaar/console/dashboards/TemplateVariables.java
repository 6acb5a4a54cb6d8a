package dev.bazaar.console.dashboards;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard's template variables with the values a viewer chose, put into PromQL the way Grafana's
 * Prometheus datasource does: {@code $var}, {@code ${var}}, {@code [[var]]} (and {@code ${var:format}});
 * a single value of a plain variable escaped for a label value; a multi-value or include-all variable's
 * values regex-escaped and joined as {@code (a|b)}; "All" as the custom all value, else every option.
 * Escaping follows Grafana without the {@code prometheusSpecialCharsInLabelValues} feature toggle.
 */
public final class TemplateVariables {

    /** The value Grafana stores for the "All" choice. */
    public static final String ALL = "$__all";
    /** What "All" becomes when the dashboard stores no options to list (a query variable): any value. */
    static final String ANY = ".*";

    /** Grafana's variable syntax (templateSrv): $name | [[name:format]] | ${name.field:format}. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?\\}");
    private static final Pattern REGEX_METACHARACTERS = Pattern.compile("[$^*{}\\[\\]+?.()|]");
    private static final Pattern KBN_REGEX_METACHARACTERS = Pattern.compile("[\\\\^$*+?.()|\\[\\]{}/]");

    private final Map<String, Variable> definitions;
    private final Map<String, List<String>> chosen;

    private TemplateVariables(Map<String, Variable> definitions, Map<String, List<String>> chosen) {
        this.definitions = definitions;
        this.chosen = chosen;
    }

    /**
     * @param chosen the values a viewer picked, by variable name; a variable not in it keeps the
     *               dashboard's current value
     */
    public static TemplateVariables of(List<Variable> definitions, Map<String, List<String>> chosen) {
        Map<String, Variable> byName = new HashMap<>();
        definitions.forEach(variable -> byName.put(variable.name(), variable));
        return new TemplateVariables(Map.copyOf(byName), Map.copyOf(chosen));
    }

    /** The dashboard's variables at the values it opens with. */
    public static TemplateVariables defaults(Dashboard dashboard) {
        return of(dashboard.variables(), Map.of());
    }

    /** The values a variable has here: the viewer's choice, else the dashboard's current value. */
    public List<String> values(String name) {
        Variable variable = definitions.get(name);
        if (variable == null) {
            throw new IllegalArgumentException("no template variable '" + name + "' in " + definitions.keySet());
        }
        List<String> picked = chosen.getOrDefault(name, List.of());
        return picked.isEmpty() ? variable.current() : picked;
    }

    /**
     * The expression with every reference to a known variable replaced; unknown names and Grafana's
     * built-ins ({@code $__interval}, {@code $__rate_interval}, …) are left for {@link PromQl}.
     *
     * @throws IllegalArgumentException for a {@code :format} Grafana has but this class does not
     */
    public String apply(String expression) {
        Matcher matcher = REFERENCE.matcher(expression);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = firstNonNull(matcher.group(1), matcher.group(2), matcher.group(4));
            Optional<String> format = Optional.ofNullable(matcher.group(3) != null ? matcher.group(3) : matcher.group(6));
            Variable variable = definitions.get(name);
            String replacement = variable == null ? matcher.group() : interpolate(variable, format);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String interpolate(Variable variable, Optional<String> format) {
        List<String> values = values(variable.name());
        if (variable.includeAll() && !values.isEmpty() && ALL.equals(values.get(0))) {
            if (variable.allValue().isPresent()) {
                return variable.allValue().get();
            }
            values = variable.allOptionValues();
            if (values.isEmpty()) {
                return ANY;
            }
        }
        return format.isPresent() ? formatted(values, format.get()) : prometheus(variable, values);
    }

    /** The Prometheus datasource's own formatting ({@code interpolateQueryExpr}). */
    private static String prometheus(Variable variable, List<String> values) {
        if (!variable.multi() && !variable.includeAll()) {
            return String.join(",", values.stream().map(TemplateVariables::labelValueEscape).toList());
        }
        List<String> escaped = values.stream().map(TemplateVariables::regexEscape).toList();
        return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
    }

    private static String formatted(List<String> values, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "raw", "csv" -> String.join(",", values);
            case "pipe" -> String.join("|", values);
            case "glob" -> values.size() == 1 ? values.get(0) : "{" + String.join(",", values) + "}";
            case "regex" -> {
                List<String> escaped = values.stream()
                        .map(value -> KBN_REGEX_METACHARACTERS.matcher(value).replaceAll("\\\\$0")).toList();
                yield escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
            }
            default -> throw new IllegalArgumentException("variable format '" + format
                    + "' is not supported here (raw, csv, pipe, glob, regex are)");
        };
    }

    /** Grafana's {@code prometheusRegularEscape}: a backslash doubled, a single quote as {@code \\'}. */
    static String labelValueEscape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\\\'");
    }

    /** Grafana's {@code prometheusSpecialRegexEscape}: escaped twice, once for the string and once for the regex. */
    static String regexEscape(String value) {
        String backslashes = value.replace("\\", "\\\\\\\\");
        return REGEX_METACHARACTERS.matcher(backslashes).replaceAll(match -> Matcher.quoteReplacement("\\\\" + match.group()));
    }

    private static String firstNonNull(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new IllegalStateException("the variable pattern matched without a name");
    }
}
