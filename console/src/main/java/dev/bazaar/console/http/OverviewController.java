package dev.bazaar.console.http;

import dev.bazaar.common.Cluster;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.ClusterOverview;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.service.PlatformHealth;
import dev.bazaar.console.service.PlatformServices;
import dev.bazaar.console.session.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.AuthenticationException;

/** {@code /}: both clusters as the signed-in user sees them: nodes, active controller, partition health. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class OverviewController {

    private final PlatformHealth health;

    OverviewController(PlatformHealth health) {
        this.health = health;
    }

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
                session.kafka().forgetIfRefused(cluster, cause);
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
        body.append(platform());
        return Page.ok(session, "Overview", body.toString());
    }

    /** The services beside the clusters, and the certificates' expiry. */
    private String platform() {
        StringBuilder html = new StringBuilder("<section id=\"platform\"><h2>Platform services</h2><table id=\"services\">"
                + "<tr><th>service</th><th>health</th><th></th></tr>");
        for (PlatformHealth.Check check : health.services()) {
            html.append("<tr><td>").append(Html.text(check.service())).append("</td><td class=\"")
                    .append(check.healthy() ? "ok\">healthy" : "bad\">unhealthy").append("</td><td>")
                    .append(Html.text(check.detail())).append("</td></tr>");
        }
        html.append("</table><h2>Certificates</h2>");
        try {
            List<PlatformHealth.Certificate> certificates = health.certificates();
            html.append("<table id=\"certificates\"><tr><th>endpoint</th><th>expires in</th><th>TLS probe</th></tr>");
            for (PlatformHealth.Certificate certificate : certificates) {
                html.append("<tr><td>").append(Html.text(certificate.component())).append("</td><td class=\"num ")
                        .append(certificate.daysLeft() < 30 ? "bad" : "ok").append("\">")
                        .append(String.format(Locale.ROOT, "%.0f days", certificate.daysLeft())).append("</td><td>")
                        .append(certificate.probeSucceeded() ? "ok" : "<span class=\"bad\">failing</span>")
                        .append("</td></tr>");
            }
            html.append("</table>");
        } catch (PlatformServices.ServiceException e) {
            html.append(Page.error("Certificate expiry comes from the platform's TLS probes in Prometheus, which cannot "
                    + "be asked: " + e.getMessage()));
        }
        return html.append("</section>").toString();
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
