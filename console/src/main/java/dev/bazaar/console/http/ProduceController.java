package dev.bazaar.console.http;

import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.AuditLog;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.kafka.ValidatedProducer;
import dev.bazaar.console.session.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * {@code POST /topics/{name}/produce}: a message typed into the topic's page, validated against the
 * topic's schema and written as the user (Kafka's ACLs decide); audited, refusals too.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProduceController {

    private final ValidatedProducer producer;
    private final AuditLog audit;

    ProduceController(ValidatedProducer producer, AuditLog audit) {
        this.producer = producer;
        this.audit = audit;
    }

    @Post(value = "/topics/{name}/produce", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> produce(HttpRequest<?> request, @PathVariable String name, @Body Map<String, String> form) {
        Session session = ConsoleGate.session(request);
        String key = form.getOrDefault("key", "").strip();
        String value = form.getOrDefault("value", "");
        String title = "Topic " + name;
        String target = "topic " + name;
        try {
            if (!ValidatedProducer.mayWrite(session.kafka(), name)) {
                // asked first, so that a principal who may not write learns that, not the schema's rules
                throw new ExecutionException(new TopicAuthorizationException(Set.of(name)));
            }
            ValidatedProducer.Written written = producer.send(session.kafka(), name, key, value);
            String where = "partition " + written.partition() + " offset " + written.offset() + " (schema id "
                    + written.schemaId() + ", " + written.subject() + " v" + written.version() + ")";
            String audited = AuditTrail.record(audit, session, "produce", target, "key " + key + " at " + where,
                    AuditLog.Outcome.DONE);
            return Page.ok(session, title, "<p class=\"ok\" id=\"done\">Written to " + Html.text(where)
                    + ".</p>" + audited + back(name));
        } catch (IllegalArgumentException e) {
            return Page.of(HttpStatus.BAD_REQUEST, session, title, Page.error("Not written: " + e.getMessage())
                    + back(name));
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String refusal = Refusal.of(cause, session.principal(), "WRITE", target).orElse(null);
            String audited = AuditTrail.record(audit, session, "produce", target, "key " + key,
                    refusal != null ? AuditLog.Outcome.REFUSED : AuditLog.Outcome.FAILED);
            return Page.of(refusal != null ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE, session, title,
                    Page.error("Not written: " + (refusal != null ? refusal : String.valueOf(cause.getMessage())))
                            + audited + back(name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Page.of(HttpStatus.SERVICE_UNAVAILABLE, session, title, Page.error("interrupted"));
        }
    }

    private static String back(String name) {
        return "<p><a href=\"/topics/" + Html.url(name) + "\">Back to " + Html.text(name) + "</a></p>";
    }

    /** The produce form of a topic's page: shown when Kafka lets the user write the topic. */
    static String form(String name) {
        return "<h2>Produce a message</h2><p>The value is checked against the latest schema of <code>" + Html.text(name)
                + "-value</code> before it is written, as you.</p><form method=\"post\" action=\"/topics/"
                + Html.url(name) + "/produce\" id=\"produce\"><label for=\"key\">Key</label><input type=\"text\" "
                + "id=\"key\" name=\"key\" maxlength=\"1000\"><label for=\"value\">Value (JSON)</label><textarea id=\"value\" "
                + "name=\"value\" rows=\"6\" cols=\"80\" required></textarea> <button type=\"submit\">Produce</button></form>";
    }
}
