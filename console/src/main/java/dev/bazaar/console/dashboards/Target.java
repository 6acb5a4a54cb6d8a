package dev.bazaar.console.dashboards;

/**
 * One PromQL query of a panel, as the dashboard stores it: the expression still holds Grafana's macros
 * and template variables ({@link PromQl} resolves them).
 *
 * @param refId        the query's letter in its panel (A, B, …)
 * @param expr         the PromQL expression, unresolved
 * @param legendFormat the series name pattern ({@code {{label}}}), empty when the dashboard sets none
 * @param instant      run as an instant query (Prometheus {@code /api/v1/query}) at the range's end
 * @param range        run as a range query ({@code /api/v1/query_range}); true too when neither flag is
 *                     set, as Grafana runs such old queries as range queries
 * @param hide         the query is switched off in the panel: Grafana does not run it
 */
public record Target(String refId, String expr, String legendFormat, boolean instant, boolean range, boolean hide) {
}
