package dev.bazaar.console.http;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.console.acl.AclText;
import dev.bazaar.console.acl.ClusterAcls;
import dev.bazaar.console.acl.DeclaredAccess;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.session.Session;
import dev.bazaar.setup.AclSpec;
import dev.bazaar.setup.PrincipalSpec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /acls}: the signed-in principal's ACLs as {@code setup/access.yaml} declares them; for admin
 * also every ACL binding in force on each cluster, described by admin's own admin client and filtered
 * by principal ({@code principal}, such as {@code filter} or {@code User:filter}). Anyone else does not
 * get the cluster listing: the page does not ask Kafka for it in their name.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AclsController {

    private static final Logger log = LoggerFactory.getLogger(AclsController.class);
    private static final String TITLE = "ACLs";

    private final DeclaredAccess declared;

    AclsController(DeclaredAccess declared) {
        this.declared = declared;
    }

    @Get(value = "/acls", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> acls(HttpRequest<?> request, @Nullable @QueryValue String principal) {
        Session session = ConsoleGate.session(request);
        StringBuilder body = new StringBuilder(mine(session.principal()));
        if (session.principal().equals(HttpUser.ADMIN.name())) {
            body.append(clusters(session, AclText.principal(principal)));
        }
        return Page.ok(session, TITLE, body.toString());
    }

    private String mine(String principal) {
        StringBuilder html = new StringBuilder("<section id=\"declared\"><h2>Your ACLs</h2>");
        if (principal.equals(HttpUser.ADMIN.name())) {
            return html.append("<p>admin is the platform's super user (super.users on every cluster): Kafka allows it "
                    + "everything without an ACL, so setup/access.yaml declares none for it.</p></section>").toString();
        }
        Optional<PrincipalSpec> spec;
        try {
            spec = declared.principal(principal);
        } catch (RuntimeException e) {
            log.warn("setup/access.yaml could not be read for {}: {}", principal, e.toString());
            return html.append(Page.error("setup/access.yaml could not be read: " + e.getMessage())).append("</section>")
                    .toString();
        }
        if (spec.isEmpty()) {
            return html.append("<p>setup/access.yaml declares no ACLs for principal ").append(Html.text(principal))
                    .append(": Kafka denies it everything.</p></section>").toString();
        }
        html.append("<p>What setup/access.yaml declares for principal <b>").append(Html.text(principal))
                .append("</b> (").append(Html.text(spec.get().job() == null ? "no job given" : spec.get().job()))
                .append("): <code>./bazaar setup apply</code> grants exactly this, from any host; Kafka denies the rest.")
                .append("</p><table id=\"my-acls\"><tr><th>resource type</th><th>name</th><th>pattern</th>")
                .append("<th>operations</th><th>cluster</th></tr>");
        for (AclSpec acl : spec.get().acls()) {
            html.append("<tr><td>").append(AclText.resourceType(acl.resource())).append("</td><td>")
                    .append(Html.text(acl.name())).append("</td><td>").append(AclText.pattern(acl.pattern()))
                    .append("</td><td>").append(acl.operations().stream().map(AclText::operation)
                            .collect(Collectors.joining(", "))).append("</td><td>").append(name(acl.cluster()))
                    .append("</td></tr>");
        }
        return html.append("</table></section>").toString();
    }

    private String clusters(Session session, String principal) {
        Map<Cluster, ClusterAcls> read = new EnumMap<>(Cluster.class);
        Map<Cluster, String> failed = new EnumMap<>(Cluster.class);
        for (Cluster cluster : Cluster.values()) {
            try {
                read.put(cluster, ClusterAcls.read(session.kafka(), cluster));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                session.kafka().forgetIfRefused(cluster, cause);
                failed.put(cluster, failure(session.principal(), cluster, cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(cluster, "interrupted");
            }
        }
        StringBuilder html = new StringBuilder("<section id=\"cluster-acls\"><h2>All ACLs of the clusters</h2>")
                .append(filterForm(read, principal));
        for (Cluster cluster : Cluster.values()) {
            html.append("<h3>").append(name(cluster)).append(" cluster</h3>");
            html.append(failed.containsKey(cluster) ? Page.error(failed.get(cluster))
                    : table(read.get(cluster), principal));
        }
        return html.append("</section>").toString();
    }

    private static String filterForm(Map<Cluster, ClusterAcls> read, String principal) {
        SortedSet<String> principals = new TreeSet<>();
        read.values().forEach(acls -> principals.addAll(acls.principals()));
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"/acls\" id=\"acl-filter\">"
                + "<label class=\"inline\" for=\"principal-filter\">principal</label> "
                + "<input type=\"search\" id=\"principal-filter\" name=\"principal\" list=\"principals\" "
                + "placeholder=\"User:filter or filter\" value=\"")
                .append(Html.text(principal)).append("\"><datalist id=\"principals\">");
        principals.forEach(p -> html.append("<option value=\"").append(Html.text(p)).append("\">"));
        return html.append("</datalist> <button type=\"submit\">Filter</button> <a href=\"/acls\">every principal</a>"
                + "</form>").toString();
    }

    private static String table(ClusterAcls acls, String principal) {
        List<AclBinding> shown = acls.of(principal);
        String cluster = name(acls.cluster());
        StringBuilder html = new StringBuilder("<p>").append(principal.isEmpty()
                        ? shown.size() + " ACL binding(s) on the " + cluster + " cluster."
                        : shown.size() + " of the " + acls.bindings().size() + " ACL bindings on the " + cluster
                                + " cluster are of " + Html.text(principal) + ".").append("</p>")
                .append("<table id=\"acls-").append(cluster).append("\"><tr><th>principal</th><th>resource</th>")
                .append("<th>pattern</th><th>operation</th><th>permission</th><th>host</th></tr>");
        for (AclBinding binding : shown) {
            html.append("<tr><td>").append(Html.text(binding.entry().principal())).append("</td><td>")
                    .append(AclText.resourceType(binding.pattern().resourceType())).append(' ')
                    .append(Html.text(binding.pattern().name())).append("</td><td>")
                    .append(AclText.pattern(binding.pattern().patternType())).append("</td><td>")
                    .append(AclText.operation(binding.entry().operation())).append("</td><td>")
                    .append(AclText.permission(binding.entry().permissionType())).append("</td><td>")
                    .append(Html.text(binding.entry().host())).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String failure(String principal, Cluster cluster, Throwable cause) {
        String name = name(cluster);
        if (cause instanceof AuthenticationException) {
            return "Principal " + principal + " cannot sign in to the " + name + " cluster: it has no credential there.";
        }
        return Refusal.of(cause, principal, "DESCRIBE", "the " + name + " cluster")
                .orElse("The ACLs of the " + name + " cluster could not be read: " + cause);
    }

    private static String name(Cluster cluster) {
        return cluster.name().toLowerCase(Locale.ROOT);
    }
}
