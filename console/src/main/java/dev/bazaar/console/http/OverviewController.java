package dev.bazaar.console.http;

import dev.bazaar.common.Cluster;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.ClusterOverview;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.session.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.AuthenticationException;

/** {@code /}: both clusters as the signed-in user sees them: nodes, active controller, partition health. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class OverviewController {

    @Get(value = "/", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> overview(HttpRequest<?> request) {
        Session session = ConsoleGate.session(request);
        StringBuilder body = new StringBuilder();
        for (Cluster cluster : Cluster.values()) {
            String name = cluster.name().toLowerCase(Locale.ROOT);
            body.append("<section id=\"cluster-").append(name).append("\"><h2>").append(name).append(" cluster</h2>");
            try {
                body.append(render(ClusterOverview.read(session.kafka(), cluster)));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                body.append(Page.error(cause instanceof AuthenticationException
                        ? "Principal " + session.principal() + " cannot sign in to the " + name + " cluster: it has no "
                                + "credential there (setup/access.yaml gives a principal a credential on the clusters "
                                + "its ACLs name)."
                        : Refusal.of(cause, session.principal(), "DESCRIBE", "the " + name + " cluster")
                                .orElse("The " + name + " cluster could not be read: " + cause)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                body.append(Page.error("interrupted"));
            }
            body.append("</section>");
        }
        return Page.ok(session, "Overview", body.toString());
    }

    private static String render(ClusterOverview overview) {
        StringBuilder html = new StringBuilder("<p>Cluster id <code>").append(Html.text(overview.clusterId()))
                .append("</code>; active controller: ")
                .append(overview.controller().map(node -> "node " + node.id()).orElse("<span class=\"bad\">none</span>"))
                .append("</p><table><tr><th>node</th><th>address</th><th>rack</th></tr>");
        for (Node node : overview.nodes()) {
            html.append("<tr><td class=\"num\">").append(node.id()).append("</td><td>").append(Html.text(node.host()))
                    .append(':').append(node.port()).append("</td><td>").append(Html.text(node.rack() == null ? "-"
                            : node.rack())).append("</td></tr>");
        }
        html.append("</table><table><tr><th>topics you may describe</th><th>partitions</th><th>under-replicated</th>"
                + "<th>offline</th></tr><tr><td class=\"num\">").append(overview.topics()).append("</td><td class=\"num\">")
                .append(overview.partitions()).append("</td><td class=\"num ").append(overview.underReplicated() > 0
                        ? "bad" : "ok").append("\" id=\"under-replicated-").append(overview.cluster().name()
                        .toLowerCase(Locale.ROOT)).append("\">").append(overview.underReplicated())
                .append("</td><td class=\"num ").append(overview.offline() > 0 ? "bad" : "ok").append("\">")
                .append(overview.offline()).append("</td></tr></table>");
        return html.toString();
    }
}
