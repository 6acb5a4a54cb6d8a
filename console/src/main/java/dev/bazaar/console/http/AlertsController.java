package dev.bazaar.console.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.AlertNotifications;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.AuditLog;
import dev.bazaar.console.roles.ConsoleRoles;
import dev.bazaar.console.service.PlatformServices;
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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /alerts}: what fires now (Alertmanager's view: active, silenced, inhibited), what was notified
 * (the webhook's list: firing and resolved, newest first — the same list {@code bazaar alerts} prints),
 * and the silences, created and expired for the principals of the role table with the console's
 * service credential; every such change is audited. {@code POST /alerts/webhook} is Alertmanager's
 * delivery (its own credential, checked by {@link ConsoleGate}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AlertsController {

    private static final Logger log = LoggerFactory.getLogger(AlertsController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "Alerts";
    private static final int NOTIFICATIONS = 100;
    private static final List<String> DURATIONS = List.of("15m", "1h", "4h", "24h");
    /** Alertmanager's silence ids are UUIDs. */
    private static final Pattern SILENCE_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final PlatformServices services;
    private final ConsoleRoles roles;
    private final AuditLog audit;
    private final Clock clock;
    private final Path inbox;

    AlertsController(PlatformServices services, ConsoleRoles roles, AuditLog audit, Clock clock, RuntimeLayout layout) {
        this.services = services;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
        this.inbox = AlertNotifications.file(layout);
    }

    /** Alertmanager's webhook: every notification is kept, and logged at info so it reaches the console's log too. */
    @Post(value = "/alerts/webhook", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<String> webhook(@Body String payload) {
        List<AlertNotifications.Notification> received;
        try {
            received = AlertNotifications.fromWebhook(JSON.readTree(payload), clock.instant());
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return HttpResponse.<String>badRequest().body("{\"error\":" + JSON.valueToTree(String.valueOf(e.getMessage()))
                    + "}");
        }
        AlertNotifications.append(inbox, received);
        received.forEach(n -> log.info("alert {} {} {}: {}", n.status(), n.alertname(), n.labels(), n.summary()));
        return HttpResponse.ok("{\"received\":" + received.size() + "}");
    }

    @Get(value = "/alerts", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String done) {
        Session session = ConsoleGate.session(request);
        String message = done == null ? "" : switch (done) {
            case "silenced" -> "<p class=\"ok\" id=\"done\">Silenced.</p>";
            case "expired" -> "<p class=\"ok\" id=\"done\">Silence expired.</p>";
            default -> "";
        };
        return render(session, HttpStatus.OK, message);
    }

    /** A silence of one firing alert: every label of it must match, for the chosen time, with a comment. */
    @Post(value = "/alerts/silence", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> silence(HttpRequest<?> request, @Body Map<String, String> form) {
        Session session = ConsoleGate.session(request);
        String fingerprint = form.getOrDefault("fingerprint", "").strip();
        String duration = form.getOrDefault("duration", "").strip();
        String comment = form.getOrDefault("comment", "").strip();
        if (!roles.allows(session.principal(), ConsoleRoles.Action.ALERT_SILENCE)) {
            String audited = AuditTrail.record(audit, session, "silence", "alert " + fingerprint, comment,
                    AuditLog.Outcome.REFUSED);
            return render(session, HttpStatus.FORBIDDEN, Page.error(roles.refusal(session.principal(),
                    ConsoleRoles.Action.ALERT_SILENCE)) + audited);
        }
        if (!DURATIONS.contains(duration) || comment.isEmpty() || comment.length() > 500) {
            return render(session, HttpStatus.BAD_REQUEST, Page.error("Not silenced: choose a duration ("
                    + String.join(", ", DURATIONS) + ") and say why in the comment (at most 500 characters)."));
        }
        try {
            JsonNode alert = firing().stream().filter(a -> a.path("fingerprint").asText().equals(fingerprint)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no alert " + fingerprint + " fires now"));
            Map<String, String> labels = new TreeMap<>();
            alert.path("labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            ObjectNode silence = JSON.createObjectNode();
            ArrayNode matchers = silence.putArray("matchers");
            labels.forEach((name, value) -> matchers.addObject().put("name", name).put("value", value)
                    .put("isRegex", false).put("isEqual", true));
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            silence.put("startsAt", now.toString()).put("endsAt", now.plus(duration(duration)).toString())
                    .put("createdBy", session.principal()).put("comment", comment);
            JsonNode created = services.send(PlatformServices.Service.ALERTMANAGER, "POST", "/api/v2/silences",
                    silence.toString());
            String audited = AuditTrail.record(audit, session, "silence", "alert " + labels.get("alertname") + " "
                    + labels, "for " + duration + " (silence " + created.path("silenceID").asText() + "): " + comment,
                    AuditLog.Outcome.DONE);
            return audited.isEmpty() ? HttpResponse.seeOther(URI.create("/alerts?done=silenced"))
                    : render(session, HttpStatus.OK, "<p class=\"ok\" id=\"done\">Silenced.</p>" + audited);
        } catch (IllegalArgumentException e) {
            return render(session, HttpStatus.BAD_REQUEST, Page.error("Not silenced: " + e.getMessage()));
        } catch (PlatformServices.ServiceException e) {
            String audited = AuditTrail.record(audit, session, "silence", "alert " + fingerprint, comment,
                    AuditLog.Outcome.FAILED);
            return render(session, HttpStatus.SERVICE_UNAVAILABLE, Page.error("Not silenced: " + e.getMessage()) + audited);
        }
    }

    @Post(value = "/alerts/silences/{id}/expire", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> expire(HttpRequest<?> request, @PathVariable String id) {
        Session session = ConsoleGate.session(request);
        if (!SILENCE_ID.matcher(id).matches()) {
            return render(session, HttpStatus.BAD_REQUEST, Page.error("'" + id + "' is no silence id"));
        }
        if (!roles.allows(session.principal(), ConsoleRoles.Action.ALERT_SILENCE)) {
            String audited = AuditTrail.record(audit, session, "expire-silence", "silence " + id, "",
                    AuditLog.Outcome.REFUSED);
            return render(session, HttpStatus.FORBIDDEN, Page.error(roles.refusal(session.principal(),
                    ConsoleRoles.Action.ALERT_SILENCE)) + audited);
        }
        try {
            services.send(PlatformServices.Service.ALERTMANAGER, "DELETE", "/api/v2/silence/" + id, null);
        } catch (PlatformServices.ServiceException e) {
            String audited = AuditTrail.record(audit, session, "expire-silence", "silence " + id, "",
                    AuditLog.Outcome.FAILED);
            return render(session, HttpStatus.SERVICE_UNAVAILABLE, Page.error("Not expired: " + e.getMessage()) + audited);
        }
        String audited = AuditTrail.record(audit, session, "expire-silence", "silence " + id, "", AuditLog.Outcome.DONE);
        return audited.isEmpty() ? HttpResponse.seeOther(URI.create("/alerts?done=expired"))
                : render(session, HttpStatus.OK, "<p class=\"ok\" id=\"done\">Silence expired.</p>" + audited);
    }

    private MutableHttpResponse<String> render(Session session, HttpStatus status, String message) {
        boolean maySilence = roles.allows(session.principal(), ConsoleRoles.Action.ALERT_SILENCE);
        StringBuilder body = new StringBuilder(message);
        body.append("<h2>Firing now</h2>");
        try {
            List<JsonNode> alerts = firing();
            if (alerts.isEmpty()) {
                body.append("<p id=\"none-firing\">No alert fires.</p>");
            } else {
                body.append("<table id=\"firing\"><thead><tr><th>Alert</th><th>Labels</th><th>Summary</th><th>Since</th>"
                        + "<th>State</th>").append(maySilence ? "<th>Silence</th>" : "").append("</tr></thead><tbody>");
                for (JsonNode alert : alerts) {
                    body.append(firingRow(alert, maySilence));
                }
                body.append("</tbody></table>");
            }
            body.append(silences(maySilence));
        } catch (PlatformServices.ServiceException e) {
            body.append(Page.error("Alertmanager cannot be asked: " + e.getMessage()));
        }
        body.append("<h2>Notified</h2><p>What Alertmanager delivered to the console, each alert's latest notification, "
                + "newest first (<code>./bazaar alerts</code> prints the same).</p>");
        List<AlertNotifications.Notification> notified = AlertNotifications.latest(inbox, NOTIFICATIONS);
        body.append("<table id=\"notified\"><thead><tr><th>Received</th><th>Status</th><th>Alert</th><th>Labels</th>"
                + "<th>Summary</th></tr></thead><tbody>");
        for (AlertNotifications.Notification n : notified) {
            body.append("<tr class=\"").append(n.firing() ? "firing" : "resolved").append("\"><td>")
                    .append(Html.text(n.receivedAt().truncatedTo(ChronoUnit.SECONDS))).append("</td><td>")
                    .append(Html.text(n.status())).append("</td><td>").append(Html.text(n.alertname())).append("</td><td>")
                    .append(Html.text(labels(n.labels()))).append("</td><td>").append(Html.text(n.summary()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
        return Page.of(status, session, TITLE, body.toString());
    }

    private String firingRow(JsonNode alert, boolean maySilence) {
        Map<String, String> labels = new TreeMap<>();
        alert.path("labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        String state = alert.path("status").path("state").asText();
        StringBuilder row = new StringBuilder("<tr><td class=\"alertname\">").append(Html.text(labels.get("alertname")))
                .append("</td><td>").append(Html.text(labels(labels))).append("</td><td>")
                .append(Html.text(alert.path("annotations").path("summary").asText())).append("</td><td>")
                .append(Html.text(alert.path("startsAt").asText())).append("</td><td>").append(Html.text(state))
                .append("</td>");
        if (maySilence) {
            row.append("<td><form method=\"post\" action=\"/alerts/silence\" class=\"silence\"><input type=\"hidden\" "
                    + "name=\"fingerprint\" value=\"").append(Html.text(alert.path("fingerprint").asText()))
                    .append("\"><select name=\"duration\" aria-label=\"duration\">");
            DURATIONS.forEach(d -> row.append("<option").append(d.equals("1h") ? " selected" : "").append('>').append(d)
                    .append("</option>"));
            row.append("</select><input type=\"text\" name=\"comment\" required maxlength=\"500\" placeholder=\"why\" "
                    + "aria-label=\"comment\"><button type=\"submit\">Silence</button></form></td>");
        }
        return row.append("</tr>").toString();
    }

    private String silences(boolean maySilence) {
        List<JsonNode> active = new ArrayList<>();
        services.get(PlatformServices.Service.ALERTMANAGER, "/api/v2/silences").forEach(s -> {
            if (!"expired".equals(s.path("status").path("state").asText())) {
                active.add(s);
            }
        });
        StringBuilder html = new StringBuilder("<h2>Silences</h2>");
        if (active.isEmpty()) {
            return html.append("<p id=\"no-silences\">No silence is active.</p>").toString();
        }
        html.append("<table id=\"silences\"><thead><tr><th>Matchers</th><th>Until</th><th>By</th><th>Comment</th>")
                .append(maySilence ? "<th></th>" : "").append("</tr></thead><tbody>");
        for (JsonNode s : active) {
            StringBuilder matchers = new StringBuilder();
            s.path("matchers").forEach(m -> matchers.append(matchers.isEmpty() ? "" : ", ").append(m.path("name").asText())
                    .append(m.path("isEqual").asBoolean(true) ? (m.path("isRegex").asBoolean() ? "=~" : "=") : "!=")
                    .append(m.path("value").asText()));
            html.append("<tr><td>").append(Html.text(matchers)).append("</td><td>").append(Html.text(s.path("endsAt")
                    .asText())).append("</td><td>").append(Html.text(s.path("createdBy").asText())).append("</td><td>")
                    .append(Html.text(s.path("comment").asText())).append("</td>");
            if (maySilence) {
                html.append("<td><form method=\"post\" action=\"/alerts/silences/").append(Html.url(s.path("id").asText()))
                        .append("/expire\" class=\"expire\"><button type=\"submit\">Expire</button></form></td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private List<JsonNode> firing() {
        List<JsonNode> alerts = new ArrayList<>();
        services.get(PlatformServices.Service.ALERTMANAGER, "/api/v2/alerts?active=true&silenced=true&inhibited=true")
                .forEach(alerts::add);
        return alerts;
    }

    private static String labels(Map<String, String> labels) {
        StringBuilder text = new StringBuilder();
        labels.forEach((name, value) -> {
            if (!name.equals("alertname")) {
                text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(value);
            }
        });
        return text.toString();
    }

    private static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
    }
}
