package dev.bazaar.console.dashboards;

import java.util.List;
import java.util.Optional;

/**
 * A dashboard's template variable ({@code templating.list}): the picker a page shows, and what
 * {@link TemplateVariables} needs to put a choice into a query the way Grafana does.
 *
 * @param type       Grafana's variable type: custom, query, constant, interval, textbox, …
 * @param query      the custom values ({@code a,b}) or the query of a query variable, as written
 * @param current    the values chosen when the dashboard opens ({@value TemplateVariables#ALL} for All)
 * @param options    the choices stored in the file; for a custom variable without stored choices, its
 *                   comma-separated query
 * @param includeAll the picker offers "All"
 * @param multi      several values may be chosen at once
 * @param allValue   the custom value for "All" (often {@code .*}); without it Grafana puts every option
 */
public record Variable(String name, String label, String type, String query, List<String> current,
        List<VariableOption> options, boolean includeAll, boolean multi, Optional<String> allValue) {

    public Variable {
        current = List.copyOf(current);
        options = List.copyOf(options);
    }

    /** The option values a query gets for "All" without a custom all value: every option but All. */
    public List<String> allOptionValues() {
        return options.stream().map(VariableOption::value).filter(value -> !TemplateVariables.ALL.equals(value))
                .toList();
    }
}
