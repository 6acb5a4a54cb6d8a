package dev.bazaar.platform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL queries of the Grafana dashboards ({@code grafana/dashboards/*.json}) as a dashboard
 * runs them when opened: Grafana's interval variables ({@code $__rate_interval}, {@code $__interval},
 * {@code $__range}) are {@code 1m}, and each template variable ({@code $cluster}, {@code ${cluster}},
 * {@code [[cluster]]}) is its current value.
 */
public final class DashboardQueries {

    /** One query of a panel: the dashboard's file name, the panel's title, the query's refId and its PromQL. */
    public record DashboardQuery(String dashboard, String panel, String refId, String expr) {

        @Override
        public String toString() {
            return dashboard + " / " + panel + " / " + refId + ": " + expr;
        }
    }

    /** What Grafana's own interval variables become: one minute holds 12 samples at a 5 s scrape interval. */
    static final String INTERVAL = "1m";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INTERVAL_VARIABLES = List.of("__rate_interval", "__interval", "__range");
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^\\]]*)?]]|\\$(\\w+)");

    private DashboardQueries() {
    }

    /**
     * Every query of every panel of every {@code *.json} dashboard in {@code grafanaDashboardsDir},
     * in file and panel order.
     *
     * @throws IllegalArgumentException naming the dashboard and panel of a query without an {@code expr}
     */
    public static List<DashboardQuery> load(Path grafanaDashboardsDir) {
        List<DashboardQuery> queries = new ArrayList<>();
        for (Path file : MonitoringFiles.files(grafanaDashboardsDir, ".json")) {
            queries.addAll(queries(file.getFileName().toString(), read(file)));
        }
        return queries;
    }

    static JsonNode read(Path dashboard) {
        try {
            return JSON.readTree(dashboard.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard " + dashboard, e);
        }
    }

    static List<DashboardQuery> queries(String name, JsonNode dashboard) {
        Map<String, String> values = variables(dashboard);
        List<DashboardQuery> queries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                String title = panel.path("title").asText();
                if (!target.path("expr").isTextual()) {
                    throw new IllegalArgumentException("query " + target.path("refId").asText() + " of panel '" + title
                            + "' of " + name + " has no expr");
                }
                queries.add(new DashboardQuery(name, title, target.path("refId").asText(),
                        substitute(target.path("expr").asText(), values)));
            }
        }
        return queries;
    }

    /** The panels of a dashboard, those inside rows included, rows themselves left out. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** Variable name to the value a query gets: the interval variables and each template variable's current value. */
    static Map<String, String> variables(JsonNode dashboard) {
        Map<String, String> values = new LinkedHashMap<>();
        INTERVAL_VARIABLES.forEach(name -> values.put(name, INTERVAL));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode current = variable.path("current").path("value");
            JsonNode value = current.isArray() ? current.path(0) : current;
            if (value.isTextual()) {
                values.put(variable.path("name").asText(), value.asText());
            }
        }
        return values;
    }

    /** {@code expr} with every known variable replaced; unknown ones stay as they are. */
    static String substitute(String expr, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(expr);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            matcher.appendReplacement(result, Matcher.quoteReplacement(values.getOrDefault(name, matcher.group())));
        }
        return matcher.appendTail(result).toString();
    }
}
