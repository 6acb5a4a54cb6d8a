package dev.bazaar.console.http;

import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.AuditLog;
import dev.bazaar.console.kafka.ConsumerGroups;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.roles.ConsoleRoles;
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
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /groups} and {@code /groups/{id}}: the consumer groups of the main cluster the user may
 * describe, their lag per partition in records (live, as the user) and in seconds, and the lag over
 * time (the lag exporter's series from Prometheus, shown only for a group the user may describe);
 * the offset reset for the principals of the role table, previewed and confirmed, run as the user.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class GroupsController {

    private static final Logger log = LoggerFactory.getLogger(GroupsController.class);
    private static final String TITLE = "Consumer groups";
    /** The exporter polls every 15 s: a finer step would only repeat points. */
    private static final long MIN_STEP = 15;

    private final Prometheus prometheus;
    private final ConsoleRoles roles;
    private final AuditLog audit;
    private final Clock clock;

    GroupsController(Prometheus prometheus, ConsoleRoles roles, AuditLog audit, Clock clock) {
        this.prometheus = prometheus;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    @Get(value = "/groups", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> list(HttpRequest<?> request) {
        Session session = ConsoleGate.session(request);
        List<ConsumerGroups.Summary> groups;
        try {
            groups = ConsumerGroups.list(session.kafka());
        } catch (Exception e) {
            return failure(session, TITLE, e, "DESCRIBE", "the cluster's groups");
        }
        StringBuilder body = new StringBuilder("<p>").append(groups.size()).append(" group(s) you may describe on the "
                + "main cluster. Lag in records now; in seconds and over time on each group's page.</p>");
        body.append("<table id=\"groups\"><thead><tr><th>Group</th><th>State</th><th>Members</th><th>Topics</th>"
                + "<th>Lag (records)</th></tr></thead><tbody>");
        for (ConsumerGroups.Summary group : groups) {
            body.append("<tr><td><a href=\"/groups/").append(Html.url(group.id())).append("\">").append(Html.text(group.id()))
                    .append("</a></td><td>").append(Html.text(group.state())).append("</td><td>").append(group.members())
                    .append("</td><td>").append(group.topics()).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%,d", group.lag())).append("</td></tr>");
        }
        body.append("</tbody></table>");
        return Page.ok(session, TITLE, body.toString());
    }

    @Get(value = "/groups/{id}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> group(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String range,
            @Nullable @QueryValue String done) {
        Session session = ConsoleGate.session(request);
        return groupPage(session, id, range, "reset".equals(done) ? "<p class=\"ok\" id=\"done\">Offsets reset.</p>" : "",
                HttpStatus.OK);
    }

    /** The lag over time, as the chart script wants it; only for a group the user may describe. */
    @Get(value = "/groups/{id}/lag.json", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<String> lag(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String range,
            @Nullable @QueryValue String unit) {
        Session session = ConsoleGate.session(request);
        Optional<ChartData.Window> window = ChartData.window(range == null ? ChartData.DEFAULT_RANGE : range,
                clock.instant(), MIN_STEP);
        boolean seconds = unit == null || unit.equals("seconds");
        if (window.isEmpty() || !(seconds || unit.equals("records"))) {
            return HttpResponse.<String>badRequest().body("{\"error\":\"range is one of " + ChartData.RANGES
                    + ", unit seconds or records\"}");
        }
        try {
            if (ConsumerGroups.detail(session.kafka(), id).isEmpty()) {
                return HttpResponse.<String>notFound().body("{\"error\":\"there is no group of that name\"}");
            }
            String selector = "{job=\"lag-exporter\",cluster=\"main\",group=" + Prometheus.literal(id) + "}";
            String expr = seconds ? "max by (topic) (bazaar_consumer_group_lag_seconds" + selector + ")"
                    : "sum by (topic) (bazaar_consumer_group_lag_records" + selector + ")";
            ChartData.Window w = window.get();
            return HttpResponse.ok(ChartData.of(w, prometheus.range(expr, w.start(), w.end(), w.stepSeconds()),
                    labels -> labels.getOrDefault("topic", "")));
        } catch (PlatformServices.ServiceException e) {
            return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).body("{\"error\":"
                    + Prometheus.literal(e.getMessage()) + "}");
        } catch (Exception e) {
            return HttpResponse.<String>status(refused(e) ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE)
                    .body("{\"error\":" + Prometheus.literal(message(session, e, "DESCRIBE", "group " + id)) + "}");
        }
    }

    /**
     * The offset reset of one topic of the group: without {@code confirm=yes} a preview of the offsets it
     * would set, with a button to confirm; with it, the reset, as the user, audited.
     */
    @Post(value = "/groups/{id}/reset", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> reset(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        Session session = ConsoleGate.session(request);
        String topic = form.getOrDefault("topic", "").strip();
        String to = form.getOrDefault("to", "").strip();
        String value = form.getOrDefault("value", "").strip();
        String target = "group " + id + " topic " + topic;
        if (!roles.allows(session.principal(), ConsoleRoles.Action.GROUP_RESET_OFFSETS)) {
            String refusal = roles.refusal(session.principal(), ConsoleRoles.Action.GROUP_RESET_OFFSETS);
            String audited = AuditTrail.record(audit, session, "reset-offsets", target, to + " " + value,
                    AuditLog.Outcome.REFUSED);
            return groupPage(session, id, null, Page.error(refusal) + audited, HttpStatus.FORBIDDEN);
        }
        ConsumerGroups.Target where;
        try {
            where = target(to, value);
        } catch (IllegalArgumentException e) {
            return groupPage(session, id, null, Page.error("Not reset: " + e.getMessage()), HttpStatus.BAD_REQUEST);
        }
        Map<TopicPartition, Long> offsets;
        try {
            offsets = ConsumerGroups.preview(session.kafka(), id, topic, where);
        } catch (IllegalArgumentException e) {
            return groupPage(session, id, null, Page.error("Not reset: " + e.getMessage()), HttpStatus.BAD_REQUEST);
        } catch (Exception e) {
            return groupPage(session, id, null, Page.error(message(session, e, "DESCRIBE", "group " + id)),
                    refused(e) ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE);
        }
        String detail = to + (value.isEmpty() ? "" : " " + value) + ": " + offsets.entrySet().stream()
                .map(e -> e.getKey().partition() + "→" + e.getValue()).collect(Collectors.joining(", "));
        if (!"yes".equals(form.get("confirm"))) {
            return Page.ok(session, "Reset " + id, preview(id, topic, to, value, offsets));
        }
        try {
            ConsumerGroups.reset(session.kafka(), id, offsets);
        } catch (Exception e) {
            String refusal = message(session, e, "READ", "group " + id);
            boolean refused = refused(e);
            String audited = AuditTrail.record(audit, session, "reset-offsets", target, detail,
                    refused ? AuditLog.Outcome.REFUSED : AuditLog.Outcome.FAILED);
            return groupPage(session, id, null, Page.error("Not reset: " + refusal) + audited,
                    refused ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT);
        }
        String audited = AuditTrail.record(audit, session, "reset-offsets", target, detail, AuditLog.Outcome.DONE);
        if (!audited.isEmpty()) {
            return groupPage(session, id, null, "<p class=\"ok\" id=\"done\">Offsets reset.</p>" + audited, HttpStatus.OK);
        }
        return HttpResponse.seeOther(URI.create("/groups/" + Html.url(id) + "?done=reset"));
    }

    private MutableHttpResponse<String> groupPage(Session session, String id, String range, String message,
            HttpStatus status) {
        Optional<ConsumerGroups.Detail> found;
        try {
            found = ConsumerGroups.detail(session.kafka(), id);
        } catch (Exception e) {
            // what the request came to (a refusal by the role table, say) first, then why the group cannot be shown
            HttpStatus failed = status != HttpStatus.OK ? status
                    : refused(e) ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE;
            return Page.of(failed, session, "Group " + id, message + Page.error(message(session, e, "DESCRIBE",
                    "group " + id)));
        }
        if (found.isEmpty()) {
            return Page.of(HttpStatus.NOT_FOUND, session, "Group " + id, message + Page.error("There is no group "
                    + id + " you may describe on the main cluster (Kafka shows a principal only the groups its ACLs "
                    + "let it DESCRIBE)."));
        }
        ConsumerGroups.Detail group = found.get();
        String chosen = range != null && ChartData.RANGES.contains(range) ? range : ChartData.DEFAULT_RANGE;
        Map<String, Double> seconds = secondsBehind(id);
        StringBuilder body = new StringBuilder(message);
        body.append("<p>State <b id=\"state\">").append(Html.text(group.state())).append("</b>, ")
                .append(group.members().size()).append(" member(s).</p>");
        body.append("<p class=\"ranges\">Range: ");
        for (String r : ChartData.RANGES) {
            body.append(r.equals(chosen) ? "<b>" + r + "</b> " : "<a href=\"/groups/" + Html.url(id) + "?range=" + r
                    + "\">" + r + "</a> ");
        }
        body.append("</p><div class=\"charts\">");
        for (String unit : List.of("seconds", "records")) {
            body.append("<figure class=\"chart\" data-src=\"/groups/").append(Html.url(id)).append("/lag.json?range=")
                    .append(chosen).append("&amp;unit=").append(unit).append("\" data-unit=\"").append(unit)
                    .append("\"><figcaption>Lag in ").append(unit).append(", by topic</figcaption></figure>");
        }
        body.append("</div>");
        body.append("<table id=\"partitions\"><thead><tr><th>Topic</th><th>Partition</th><th>Committed</th><th>End</th>"
                + "<th>Lag (records)</th><th>Lag (seconds)</th></tr></thead><tbody>");
        for (ConsumerGroups.PartitionLag p : group.partitions()) {
            Double behind = seconds.get(p.topic() + "-" + p.partition());
            body.append("<tr><td>").append(Html.text(p.topic())).append("</td><td>").append(p.partition())
                    .append("</td><td class=\"num\">").append(p.committed()).append("</td><td class=\"num\">")
                    .append(p.end()).append("</td><td class=\"num lag\">").append(p.lag()).append("</td><td class=\"num\">")
                    .append(behind == null ? "–" : String.format(Locale.ROOT, "%.0f", behind)).append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (!group.members().isEmpty()) {
            body.append("<h2>Members</h2><table id=\"members\"><thead><tr><th>Client</th><th>Host</th><th>Partitions</th>"
                    + "</tr></thead><tbody>");
            group.members().forEach(m -> body.append("<tr><td>").append(Html.text(m.clientId())).append("</td><td>")
                    .append(Html.text(m.host())).append("</td><td>").append(Html.text(String.join(", ", m.assignment())))
                    .append("</td></tr>"));
            body.append("</tbody></table>");
        }
        if (roles.allows(session.principal(), ConsoleRoles.Action.GROUP_RESET_OFFSETS)) {
            body.append(resetForm(id, group));
        }
        return Page.of(status, session, "Group " + id, body.toString());
    }

    private static String resetForm(String id, ConsumerGroups.Detail group) {
        StringBuilder form = new StringBuilder("<h2>Reset offsets</h2><p>Kafka resets a group only while it has no "
                + "members: stop its consumers first. You see the offsets it would set before anything changes.</p>"
                + "<form method=\"post\" action=\"/groups/" + Html.url(id) + "/reset\" id=\"reset\">"
                + "<label for=\"topic\">Topic</label><select id=\"topic\" name=\"topic\">");
        group.partitions().stream().map(ConsumerGroups.PartitionLag::topic).distinct()
                .forEach(t -> form.append("<option>").append(Html.text(t)).append("</option>"));
        form.append("</select><label for=\"to\">To</label><select id=\"to\" name=\"to\"><option value=\"earliest\">"
                + "earliest</option><option value=\"latest\">latest</option><option value=\"offset\">offset</option>"
                + "<option value=\"time\">time (ISO-8601, UTC)</option></select><label for=\"value\">Offset or time</label>"
                + "<input type=\"text\" id=\"value\" name=\"value\"> <button type=\"submit\">Preview</button></form>");
        return form.toString();
    }

    private static String preview(String id, String topic, String to, String value, Map<TopicPartition, Long> offsets) {
        StringBuilder body = new StringBuilder("<p>Group <b>").append(Html.text(id)).append("</b> would be set on topic <b>")
                .append(Html.text(topic)).append("</b> to:</p><table id=\"preview\"><thead><tr><th>Partition</th>"
                        + "<th>Offset</th></tr></thead><tbody>");
        offsets.forEach((p, o) -> body.append("<tr><td>").append(p.partition()).append("</td><td class=\"num\">")
                .append(o).append("</td></tr>"));
        body.append("</tbody></table><form method=\"post\" action=\"/groups/").append(Html.url(id))
                .append("/reset\" id=\"confirm\"><input type=\"hidden\" name=\"topic\" value=\"").append(Html.text(topic))
                .append("\"><input type=\"hidden\" name=\"to\" value=\"").append(Html.text(to))
                .append("\"><input type=\"hidden\" name=\"value\" value=\"").append(Html.text(value))
                .append("\"><input type=\"hidden\" name=\"confirm\" value=\"yes\"><button type=\"submit\">Confirm reset"
                        + "</button> <a href=\"/groups/").append(Html.url(id)).append("\">Cancel</a></form>");
        return body.toString();
    }

    static ConsumerGroups.Target target(String to, String value) {
        return switch (to) {
            case "earliest" -> new ConsumerGroups.Earliest();
            case "latest" -> new ConsumerGroups.Latest();
            case "offset" -> {
                try {
                    long offset = Long.parseLong(value);
                    if (offset < 0) {
                        throw new IllegalArgumentException("the offset must be 0 or more, not " + value);
                    }
                    yield new ConsumerGroups.AtOffset(offset);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not an offset (a whole number)", e);
                }
            }
            case "time" -> {
                try {
                    yield new ConsumerGroups.AtTime(Instant.parse(value));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a time like 2026-12-07T10:15:30Z", e);
                }
            }
            default -> throw new IllegalArgumentException("'to' is earliest, latest, offset or time, not '" + to + "'");
        };
    }

    /** The lag in seconds per topic-partition from the exporter's latest scrape; empty when Prometheus has none. */
    private Map<String, Double> secondsBehind(String id) {
        Map<String, Double> seconds = new HashMap<>();
        try {
            prometheus.instant("bazaar_consumer_group_lag_seconds{job=\"lag-exporter\",cluster=\"main\",group="
                    + Prometheus.literal(id) + "}").forEach(s -> seconds.put(s.labels().get("topic") + "-"
                            + s.labels().get("partition"), s.values()[0]));
        } catch (PlatformServices.ServiceException e) {
            // the page still shows the lag in records; the seconds column says "–"
            log.debug("no lag in seconds for {}: {}", id, e.getMessage());
        }
        return seconds;
    }

    private static MutableHttpResponse<String> failure(Session session, String title, Exception e, String operation,
            String resource) {
        String message = message(session, e, operation, resource);
        return Page.of(refused(e) ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE, session, title,
                Page.error(message));
    }

    /** Whether Kafka refused the user (an ACL is missing), rather than failed. */
    private static boolean refused(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof org.apache.kafka.common.errors.AuthorizationException;
    }

    private static String message(Session session, Exception e, String operation, String resource) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return Refusal.of(cause, session.principal(), operation, resource).orElse(
                cause instanceof TimeoutException ? "The main cluster did not answer in time." : String.valueOf(
                        cause.getMessage()));
    }
}
