package dev.bazaar.console.http;

import dev.bazaar.console.ConsoleConfig;
import dev.bazaar.console.dashboards.Dashboard;
import dev.bazaar.console.dashboards.Dashboards;
import dev.bazaar.console.dashboards.LegendFormat;
import dev.bazaar.console.dashboards.Panel;
import dev.bazaar.console.dashboards.PromQl;
import dev.bazaar.console.dashboards.QueryTiming;
import dev.bazaar.console.dashboards.Row;
import dev.bazaar.console.dashboards.Target;
import dev.bazaar.console.dashboards.TemplateVariables;
import dev.bazaar.console.dashboards.Variable;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.service.ChartData;
import dev.bazaar.console.service.PlatformServices;
import dev.bazaar.console.service.Prometheus;
import dev.bazaar.console.session.Session;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /dashboards} and {@code /dashboards/{uid}}: each Grafana dashboard of {@code grafana/dashboards/}
 * drawn from its own JSON — its rows, its stat and timeseries panels, their PromQL with Grafana's macros
 * and template variables resolved as Grafana resolves them — so there is no second copy of any query.
 * The panels' data come from Prometheus through the console ({@code /dashboards/{uid}/panels/{id}.json}),
 * for any signed-in user: the dashboards show the platform's health, no record of any topic.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class DashboardsController {

    /** Prometheus scrapes every 5 s (prometheus/prometheus.yml), as the dashboards' datasource says. */
    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);
    private static final List<Integer> REFRESHES = List.of(0, 10, 30, 60);

    private final Path folder;
    private final Prometheus prometheus;
    private final Clock clock;

    DashboardsController(ConsoleConfig config, Prometheus prometheus, Clock clock) {
        this.folder = Path.of(config.home()).resolve("grafana/dashboards");
        this.prometheus = prometheus;
        this.clock = clock;
    }

    @Get(value = "/dashboards", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> list(HttpRequest<?> request) {
        Session session = ConsoleGate.session(request);
        StringBuilder body = new StringBuilder("<p>The platform's Grafana dashboards (<code>grafana/dashboards/</code>), "
                + "drawn from their own JSON with the same PromQL.</p><ul id=\"dashboards\">");
        for (Dashboard dashboard : dashboards().all()) {
            body.append("<li><a href=\"/dashboards/").append(Html.url(dashboard.uid())).append("\">")
                    .append(Html.text(dashboard.title())).append("</a> — ").append(Html.text(dashboard.description()))
                    .append("</li>");
        }
        return Page.ok(session, "Dashboards", body.append("</ul>").toString());
    }

    @Get(value = "/dashboards/{uid}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> dashboard(HttpRequest<?> request, @PathVariable String uid,
            @Nullable @QueryValue String range, @Nullable @QueryValue Integer refresh) {
        Session session = ConsoleGate.session(request);
        Optional<Dashboard> found = dashboards().byUid(uid);
        if (found.isEmpty()) {
            return Page.of(HttpStatus.NOT_FOUND, session, "Dashboards", Page.error("There is no dashboard " + uid
                    + " in grafana/dashboards/."));
        }
        Dashboard dashboard = found.get();
        String chosen = range != null && ChartData.RANGES.contains(range) ? range : defaultRange(dashboard);
        int every = refresh != null && REFRESHES.contains(refresh) ? refresh : 0;
        Map<String, List<String>> variables = chosenVariables(request, dashboard);
        StringBuilder query = new StringBuilder("range=" + chosen);
        variables.forEach((name, values) -> values.forEach(v -> query.append("&var-").append(Html.url(name)).append('=')
                .append(Html.url(v))));
        StringBuilder body = new StringBuilder("<p>").append(Html.text(dashboard.description())).append("</p>");
        body.append(controls(dashboard, chosen, every, variables));
        for (Row row : dashboard.rows()) {
            if (row.titled()) {
                body.append("<h2>").append(Html.text(row.title())).append("</h2>");
            }
            body.append("<div class=\"panels\">");
            for (Panel panel : row.panels()) {
                body.append("<figure class=\"chart panel w").append(Math.max(1, Math.min(24, panel.gridPos().w())))
                        .append(panel.type().equals("stat") ? " stat" : "").append("\" id=\"panel-").append(panel.id())
                        .append("\" data-kind=\"").append(Html.text(panel.type())).append("\" data-unit=\"")
                        .append(Html.text(panel.unit().orElse(""))).append("\" data-src=\"/dashboards/")
                        .append(Html.url(uid)).append("/panels/").append(panel.id()).append(".json?")
                        .append(Html.text(query)).append('"').append(every > 0 ? " data-refresh=\"" + every + "\"" : "")
                        .append(" title=\"").append(Html.text(panel.description())).append("\"><figcaption>")
                        .append(Html.text(panel.title())).append("</figcaption></figure>");
            }
            body.append("</div>");
        }
        return Page.ok(session, dashboard.title(), body.toString());
    }

    /** One panel's series: each visible target's resolved PromQL asked of Prometheus. */
    @Get(value = "/dashboards/{uid}/panels/{id}.json", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<String> panel(HttpRequest<?> request, @PathVariable String uid, @PathVariable int id,
            @Nullable @QueryValue String range) {
        Optional<Dashboard> dashboard = dashboards().byUid(uid);
        Optional<Panel> panel = dashboard.flatMap(d -> d.panel(id));
        Instant now = clock.instant();
        Optional<ChartData.Window> window = ChartData.window(range == null ? ChartData.DEFAULT_RANGE : range, now, 1);
        if (panel.isEmpty() || window.isEmpty()) {
            return HttpResponse.<String>notFound().body("{\"error\":\"no such panel, or range not one of "
                    + ChartData.RANGES + "\"}");
        }
        TemplateVariables variables = TemplateVariables.of(dashboard.get().variables(), chosenVariables(request,
                dashboard.get()));
        QueryTiming timing = QueryTiming.of(window.get().start(), window.get().end(), ChartData.POINTS, SCRAPE_INTERVAL);
        long step = Math.max(1, Math.round(Double.parseDouble(timing.stepSeconds())));
        ChartData.Window aligned = new ChartData.Window(timing.alignedStart(), timing.alignedEnd(), step);
        try {
            List<Prometheus.Series> all = new ArrayList<>();
            List<String> legends = new ArrayList<>();
            for (Target target : panel.get().visibleTargets()) {
                String expr = PromQl.resolve(target.expr(), timing, variables);
                List<Prometheus.Series> series = target.instant() && !target.range()
                        ? atEveryStep(prometheus.instant(expr), aligned)
                        : prometheus.range(expr, aligned.start(), aligned.end(), aligned.stepSeconds());
                for (Prometheus.Series one : series) {
                    all.add(one);
                    legends.add(LegendFormat.seriesName(target.legendFormat(), one.labels(), expr));
                }
            }
            List<String> names = List.copyOf(legends);
            int[] next = {0};
            return HttpResponse.ok(ChartData.of(aligned, all, labels -> names.get(next[0]++)));
        } catch (PlatformServices.ServiceException e) {
            return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).body("{\"error\":"
                    + Prometheus.literal(e.getMessage()) + "}");
        } catch (IllegalArgumentException e) {
            return HttpResponse.<String>badRequest().body("{\"error\":" + Prometheus.literal(e.getMessage()) + "}");
        }
    }

    /** An instant value as the last point of the window (a stat panel shows the last value). */
    private static List<Prometheus.Series> atEveryStep(List<Prometheus.Series> instant, ChartData.Window window) {
        return instant.stream().map(s -> new Prometheus.Series(s.labels(), new double[] {window.end().getEpochSecond()},
                s.values())).toList();
    }

    private String controls(Dashboard dashboard, String range, int refresh, Map<String, List<String>> variables) {
        StringBuilder form = new StringBuilder("<form method=\"get\" class=\"controls\" id=\"controls\">");
        for (Variable variable : dashboard.variables()) {
            form.append("<label for=\"var-").append(Html.text(variable.name())).append("\">")
                    .append(Html.text(variable.label() == null || variable.label().isBlank() ? variable.name()
                            : variable.label())).append("</label><select id=\"var-").append(Html.text(variable.name()))
                    .append("\" name=\"var-").append(Html.text(variable.name())).append("\">");
            for (String value : variable.allOptionValues()) {
                boolean selected = variables.getOrDefault(variable.name(), List.of()).contains(value);
                form.append("<option").append(selected ? " selected" : "").append('>').append(Html.text(value))
                        .append("</option>");
            }
            form.append("</select>");
        }
        form.append("<label for=\"range\">Range</label><select id=\"range\" name=\"range\">");
        ChartData.RANGES.forEach(r -> form.append("<option").append(r.equals(range) ? " selected" : "").append('>')
                .append(r).append("</option>"));
        form.append("</select><label for=\"refresh\">Refresh</label><select id=\"refresh\" name=\"refresh\">");
        REFRESHES.forEach(r -> form.append("<option value=\"").append(r).append('"').append(r == refresh ? " selected" : "")
                .append('>').append(r == 0 ? "off" : r + " s").append("</option>"));
        return form.append("</select> <button type=\"submit\">Show</button></form>").toString();
    }

    /** The variables' values from the query ({@code var-<name>}, as Grafana's URLs), else their current ones. */
    private static Map<String, List<String>> chosenVariables(HttpRequest<?> request, Dashboard dashboard) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (Variable variable : dashboard.variables()) {
            List<String> values = request.getParameters().getAll("var-" + variable.name()).stream()
                    .filter(v -> variable.allOptionValues().contains(v)).toList();
            chosen.put(variable.name(), values.isEmpty() ? variable.current() : values);
        }
        return chosen;
    }

    private static String defaultRange(Dashboard dashboard) {
        String from = dashboard.time().from();
        String range = from.startsWith("now-") ? from.substring(4) : "";
        return ChartData.RANGES.contains(range) ? range : ChartData.DEFAULT_RANGE;
    }

    /** Read at each request: a dashboard edited in grafana/dashboards/ shows at the next reload. */
    private Dashboards dashboards() {
        try {
            return Dashboards.load(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboards of " + folder, e);
        }
    }
}
