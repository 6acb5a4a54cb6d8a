package dev.bazaar.console.dashboards;

import java.util.List;

/**
 * A titled section of a dashboard and its panels in order. Panels placed before the first row of a
 * dashboard form a row without title.
 *
 * @param title     the row's title, empty for the panels before any row
 * @param collapsed the row is folded in Grafana when the dashboard opens
 */
public record Row(String title, boolean collapsed, List<Panel> panels) {

    public Row {
        panels = List.copyOf(panels);
    }

    /** False for the leading panels that no row panel introduces. */
    public boolean titled() {
        return !title.isEmpty();
    }
}
