package dev.bazaar.console.dashboards;

import java.util.List;
import java.util.Optional;

/**
 * A visualisation of a dashboard: its kind stays Grafana's type name (timeseries, stat, gauge, table, …)
 * so that a type the console cannot draw yet is still known and can be shown as such.
 *
 * @param unit Grafana's unit id of the values ({@code fieldConfig.defaults.unit}: short, bytes, Bps, ms,
 *             percentunit, reqps, s, ops, …), empty when the panel sets none
 */
public record Panel(int id, String type, String title, String description, GridPos gridPos, Optional<String> unit,
        List<Target> targets) {

    public Panel {
        targets = List.copyOf(targets);
    }

    /** The queries Grafana runs for this panel: those not hidden. */
    public List<Target> visibleTargets() {
        return targets.stream().filter(target -> !target.hide()).toList();
    }
}
