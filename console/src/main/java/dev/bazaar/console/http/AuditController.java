package dev.bazaar.console.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Topics;
import dev.bazaar.console.ConsoleConfig;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.MessageDecoder;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.kafka.TopicMessages;
import dev.bazaar.console.session.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code /audit}: the newest changes made through the console, read from {@code console-audit} as the
 * signed-in user — admin may; anyone else is refused by Kafka, naming the ACL.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsoleConfig config;
    private final MessageDecoder decoder;

    AuditController(ConsoleConfig config, MessageDecoder decoder) {
        this.config = config;
        this.decoder = decoder;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode().put("detail", text);
        }
    }

    @Get(value = "/audit", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> audit(HttpRequest<?> request) {
        Session session = ConsoleGate.session(request);
        try {
            TopicMessages.Page page = TopicMessages.newest(session.kafka(), Topics.CONSOLE_AUDIT, config.pageSize());
            StringBuilder body = new StringBuilder("<p>The newest ").append(page.messages().size())
                    .append(" change(s) made through the console.</p><table id=\"audit\"><tr><th>when</th><th>who</th>"
                            + "<th>action</th><th>target</th><th>outcome</th><th>detail</th></tr>");
            for (ConsumerRecord<byte[], byte[]> record : page.messages()) {
                JsonNode entry = json(decoder.decode(record.value()).text());
                body.append("<tr>");
                for (String field : new String[] {"at", "principal", "action", "target", "outcome", "detail"}) {
                    body.append("<td>").append(Html.text(entry.path(field).asText(""))).append("</td>");
                }
                body.append("</tr>");
            }
            return Page.ok(session, "Audit", body.append("</table>").toString());
        } catch (RuntimeException e) {
            String refusal = Refusal.of(e, session.principal(), "READ", "topic " + Topics.CONSOLE_AUDIT).orElse(null);
            return Page.of(refusal != null ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE, session, "Audit",
                    Page.error(refusal != null ? refusal : "The audit topic could not be read: " + e.getMessage()));
        }
    }
}
