package dev.bazaar.console.http;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /connectors}: every connector of the Connect worker with its state and its tasks', and for
 * the principals the role table allows, the failed tasks' traces and restart / pause / resume — made
 * with the console's service credential, audited. A trace may quote a record, so it is shown only to
 * those who may act on the connector.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConnectorsController {

    private static final String TITLE = "Connectors";
    /** Connector names as Connect accepts them in a URL path: no slash, nothing to escape. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private final PlatformServices services;
    private final ConsoleRoles roles;
    private final AuditLog audit;

    ConnectorsController(PlatformServices services, ConsoleRoles roles, AuditLog audit) {
        this.services = services;
        this.roles = roles;
        this.audit = audit;
    }

    @Get(value = "/connectors", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String done,
            @Nullable @QueryValue String connector) {
        Session session = ConsoleGate.session(request);
        String message = done != null && connector != null && NAME.matcher(connector).matches()
                && Map.of("restart", 1, "pause", 1, "resume", 1).containsKey(done)
                ? "<p class=\"ok\" id=\"done\">" + Html.text(connector) + ": " + done + " asked of Connect.</p>" : "";
        return page(session, HttpStatus.OK, message);
    }

    @Post(value = "/connectors/{name}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> act(HttpRequest<?> request, @PathVariable String name, @PathVariable String action) {
        Session session = ConsoleGate.session(request);
        ConsoleRoles.Action governed = switch (action) {
            case "restart" -> ConsoleRoles.Action.CONNECTOR_RESTART;
            case "pause" -> ConsoleRoles.Action.CONNECTOR_PAUSE;
            case "resume" -> ConsoleRoles.Action.CONNECTOR_RESUME;
            default -> null;
        };
        if (governed == null || !NAME.matcher(name).matches()) {
            return page(session, HttpStatus.NOT_FOUND, Page.error("There is no action " + action + " of connector "
                    + name + ": restart, pause or resume a connector listed here."));
        }
        String target = "connector " + name;
        if (!roles.allows(session.principal(), governed)) {
            String audited = AuditTrail.record(audit, session, action, target, "", AuditLog.Outcome.REFUSED);
            return page(session, HttpStatus.FORBIDDEN, Page.error(roles.refusal(session.principal(), governed)) + audited);
        }
        try {
            switch (action) {
                case "restart" -> services.send(PlatformServices.Service.CONNECT, "POST", "/connectors/" + name
                        + "/restart?includeTasks=true&onlyFailed=false", null);
                case "pause" -> services.send(PlatformServices.Service.CONNECT, "PUT", "/connectors/" + name + "/pause", null);
                default -> services.send(PlatformServices.Service.CONNECT, "PUT", "/connectors/" + name + "/resume", null);
            }
        } catch (PlatformServices.ServiceException e) {
            String audited = AuditTrail.record(audit, session, action, target, e.getMessage(), AuditLog.Outcome.FAILED);
            return page(session, HttpStatus.SERVICE_UNAVAILABLE, Page.error("Connect did not " + action + " " + name + ": "
                    + e.getMessage()) + audited);
        }
        String audited = AuditTrail.record(audit, session, action, target, "", AuditLog.Outcome.DONE);
        return audited.isEmpty() ? HttpResponse.seeOther(URI.create("/connectors?done=" + action + "&connector=" + name))
                : page(session, HttpStatus.OK, audited);
    }

    private MutableHttpResponse<String> page(Session session, HttpStatus status, String message) {
        boolean mayAct = roles.allows(session.principal(), ConsoleRoles.Action.CONNECTOR_RESTART)
                || roles.allows(session.principal(), ConsoleRoles.Action.CONNECTOR_PAUSE)
                || roles.allows(session.principal(), ConsoleRoles.Action.CONNECTOR_RESUME);
        StringBuilder body = new StringBuilder(message);
        JsonNode connectors;
        try {
            connectors = services.get(PlatformServices.Service.CONNECT, "/connectors?expand=status&expand=info");
        } catch (PlatformServices.ServiceException e) {
            return Page.of(HttpStatus.SERVICE_UNAVAILABLE, session, TITLE, body + Page.error("Connect cannot be asked: "
                    + e.getMessage()));
        }
        body.append("<table id=\"connectors\"><thead><tr><th>Connector</th><th>Type</th><th>State</th><th>Tasks</th>")
                .append(mayAct ? "<th>Actions</th>" : "").append("</tr></thead><tbody>");
        Iterator<Map.Entry<String, JsonNode>> entries = connectors.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode connector = entry.getValue().path("status");
            String name = entry.getKey();
            String state = connector.path("connector").path("state").asText();
            body.append("<tr data-connector=\"").append(Html.text(name)).append("\"><td>").append(Html.text(name))
                    .append("</td><td>").append(Html.text(connector.path("type").asText())).append("</td><td class=\"state\">")
                    .append(Html.text(state)).append("</td><td>");
            for (JsonNode task : connector.path("tasks")) {
                body.append("<div class=\"task\">").append(task.path("id").asInt()).append(": ")
                        .append(Html.text(task.path("state").asText()));
                if (mayAct && task.hasNonNull("trace")) {
                    body.append("<details><summary>trace</summary><pre>").append(Html.text(task.path("trace").asText()))
                            .append("</pre></details>");
                }
                body.append("</div>");
            }
            if (mayAct && connector.path("connector").hasNonNull("trace")) {
                body.append("<details><summary>connector trace</summary><pre>")
                        .append(Html.text(connector.path("connector").path("trace").asText())).append("</pre></details>");
            }
            body.append("</td>");
            if (mayAct && NAME.matcher(name).matches()) {
                body.append("<td>");
                for (String action : new String[] {"restart", "pause", "resume"}) {
                    body.append("<form method=\"post\" action=\"/connectors/").append(Html.text(name)).append('/')
                            .append(action).append("\" class=\"inline\" data-confirm=\"").append(action).append(' ')
                            .append(Html.text(name)).append("?\"><button type=\"submit\">").append(action)
                            .append("</button></form>");
                }
                body.append("</td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table>");
        return Page.of(status, session, TITLE, body.toString());
    }
}
