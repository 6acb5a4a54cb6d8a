package dev.bazaar.console.dashboards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Grafana dashboard of {@code grafana/dashboards/} as the console draws it without Grafana: its
 * default time range, template variables and panels grouped in rows, each panel with its PromQL targets.
 * The files stay the one description of the dashboards; this is only their reading.
 *
 * @param refresh how often Grafana reloads the dashboard ({@code 10s}), empty when it does not
 * @param time    the range the dashboard opens on
 * @param rows    the sections in file order; panels before the first row panel form an untitled row
 */
public record Dashboard(String uid, String title, String description, Optional<String> refresh, TimeWindow time,
        List<Variable> variables, List<Row> rows) {

    public Dashboard {
        variables = List.copyOf(variables);
        rows = List.copyOf(rows);
    }

    /**
     * Reads one dashboard file.
     *
     * @throws InvalidDashboardException naming the file and the field when it is not a dashboard
     * @throws IOException               when the file cannot be read
     */
    public static Dashboard read(Path file) throws IOException {
        return DashboardReader.read(file);
    }

    /**
     * Reads a dashboard from its JSON text.
     *
     * @param source what the text came from, for error messages
     * @throws InvalidDashboardException naming the source and the field when it is not a dashboard
     */
    public static Dashboard parse(String source, String json) {
        return DashboardReader.parse(source, json);
    }

    /** Every panel of every row, in order (row panels themselves are not panels here). */
    public List<Panel> panels() {
        return rows.stream().flatMap(row -> row.panels().stream()).toList();
    }

    public Optional<Panel> panel(int id) {
        return panels().stream().filter(panel -> panel.id() == id).findFirst();
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(variable -> variable.name().equals(name)).findFirst();
    }
}
