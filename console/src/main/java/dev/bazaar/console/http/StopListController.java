package dev.bazaar.console.http;

import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.common.Topics;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.AuditLog;
import dev.bazaar.console.kafka.ProductNames;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.kafka.StopList;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * {@code /stop-list}: the blocked products with their names, and block / unblock — as the signed-in
 * user's principal, so Kafka's ACLs decide who may (ops may; a principal without WRITE on
 * {@code blocked-products} is refused, naming the ACL). Every attempt is recorded on the audit topic,
 * refused ones too.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class StopListController {

    private static final String TITLE = "Stop-list";
    /** Names are asked of stream-filter one product at a time: for this many entries of the list at most. */
    private static final int NAMED = 100;

    private final ProductNames names;
    private final AuditLog audit;
    private final RegistryConnection registry;
    private volatile Integer schemaId;

    StopListController(ProductNames names, AuditLog audit, RegistryConnection registry) {
        this.names = names;
        this.audit = audit;
        this.registry = registry;
    }

    @Get(value = "/stop-list", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String done,
            @Nullable @QueryValue String product) {
        Session session = ConsoleGate.session(request);
        boolean known = ("block".equals(done) || "unblock".equals(done)) && product != null;
        return page(session, HttpStatus.OK, known ? "<p class=\"ok\" id=\"done\">" + Html.text(product) + " "
                + done + "ed.</p>" : "");
    }

    @Post(value = "/stop-list/block", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> block(HttpRequest<?> request, @Body Map<String, String> form) {
        Session session = ConsoleGate.session(request);
        String productId = form.getOrDefault("productId", "").strip();
        String reason = form.getOrDefault("reason", "").strip();
        return change(session, "block", productId, reason, () -> StopList.block(session.kafka(), schemaId(), productId,
                reason));
    }

    @Post(value = "/stop-list/unblock", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> unblock(HttpRequest<?> request, @Body Map<String, String> form) {
        Session session = ConsoleGate.session(request);
        String productId = form.getOrDefault("productId", "").strip();
        return change(session, "unblock", productId, "", () -> StopList.unblock(session.kafka(), productId));
    }

    /** A change of the stop-list; what it came to is audited and shown. */
    private MutableHttpResponse<String> change(Session session, String action, String productId, String detail,
            Change change) {
        String target = "product " + productId;
        AuditLog.Outcome outcome;
        String error;
        try {
            change.apply();
            outcome = AuditLog.Outcome.DONE;
            error = null;
        } catch (IllegalArgumentException e) {
            return page(session, HttpStatus.BAD_REQUEST, Page.error("Not " + action + "ed: " + e.getMessage()));
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            String refusal = Refusal.of(cause, session.principal(), "WRITE", "topic " + Topics.BLOCKED_PRODUCTS)
                    .orElse(null);
            outcome = refusal != null ? AuditLog.Outcome.REFUSED : AuditLog.Outcome.FAILED;
            error = refusal != null ? refusal : "Kafka did not take the change: " + cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = AuditLog.Outcome.FAILED;
            error = "interrupted";
        }
        String audited = audit(session, action, target, detail, outcome);
        if (outcome == AuditLog.Outcome.DONE) {
            // the product id matched StopList.PRODUCT_ID: nothing in it needs encoding
            return HttpResponse.<String>seeOther(URI.create("/stop-list?done=" + action + "&product=" + productId));
        }
        return page(session, outcome == AuditLog.Outcome.REFUSED ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE,
                Page.error(error) + audited);
    }

    private String audit(Session session, String action, String target, String detail, AuditLog.Outcome outcome) {
        return AuditTrail.record(audit, session, action, target, detail, outcome);
    }

    private MutableHttpResponse<String> page(Session session, HttpStatus status, String message) {
        StringBuilder body = new StringBuilder(message);
        body.append("<form method=\"post\" action=\"/stop-list/block\" id=\"block\">"
                + "<label for=\"productId\">Product id</label><input type=\"text\" id=\"productId\" name=\"productId\" "
                + "required pattern=\"[A-Za-z0-9][A-Za-z0-9_-]{2,63}\">"
                + "<label for=\"reason\">Reason</label><input type=\"text\" id=\"reason\" name=\"reason\" required "
                + "maxlength=\"" + StopList.MAX_REASON + "\"> <button type=\"submit\">Block</button></form>");
        try {
            List<StopList.Entry> entries = StopList.read(session.kafka());
            body.append("<p>").append(entries.size()).append(" product(s) blocked")
                    .append(entries.size() > NAMED ? "; names looked up for the first " + NAMED : "")
                    .append(".</p><table id=\"blocked\"><tr><th>product</th><th>name</th><th>reason</th>"
                            + "<th>blocked by</th><th>since</th><th></th></tr>");
            for (int i = 0; i < entries.size(); i++) {
                StopList.Entry entry = entries.get(i);
                String name = i < NAMED ? names.name(session.kafka(), entry.productId()).orElse("-") : "";
                body.append("<tr><td>").append(Html.text(entry.productId())).append("</td><td>")
                        .append(Html.text(name)).append("</td><td>")
                        .append(Html.text(entry.reason())).append("</td><td>").append(Html.text(entry.blockedBy()))
                        .append("</td><td>").append(Html.text(entry.blockedAt())).append("</td><td>")
                        .append("<form method=\"post\" action=\"/stop-list/unblock\" class=\"inline\" data-confirm=\"Unblock ")
                        .append(Html.text(entry.productId())).append("?\"><input type=\"hidden\" name=\"productId\" value=\"")
                        .append(Html.text(entry.productId())).append("\"><button type=\"submit\">Unblock</button></form>")
                        .append("</td></tr>");
            }
            body.append("</table>");
        } catch (RuntimeException e) {
            body.append(Page.error(Refusal.of(e, session.principal(), "READ", "topic " + Topics.BLOCKED_PRODUCTS)
                    .orElse("The stop-list could not be read: " + e.getMessage())));
            if (status == HttpStatus.OK) {
                status = Refusal.of(e, "", "", "").isPresent() ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return Page.of(status, session, TITLE, body.toString());
    }

    private int schemaId() {
        Integer id = schemaId;
        if (id == null) {
            id = new RegistrySubjects(registry).latest(Topics.BLOCKED_PRODUCTS + "-value", "setup registers it").id();
            schemaId = id;
        }
        return id;
    }

    @FunctionalInterface
    private interface Change {
        void apply() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException;
    }
}
