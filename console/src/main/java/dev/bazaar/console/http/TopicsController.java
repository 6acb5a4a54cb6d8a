package dev.bazaar.console.http;

import dev.bazaar.console.ConsoleConfig;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.MessageDecoder;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.kafka.TopicList;
import dev.bazaar.console.kafka.TopicMessages;
import dev.bazaar.console.kafka.TopicPage;
import dev.bazaar.console.kafka.ValidatedProducer;
import dev.bazaar.console.session.Session;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /topics}: the topics the signed-in user may describe; {@code /topics/{name}}: a topic's
 * partitions and messages, decoded through the registry, newest first, or from an offset
 * ({@code partition}, {@code offset}), or from a time ({@code since}, ISO-8601), or those whose key or
 * value contains a text ({@code filter}, reading back at most {@code console.scan-limit} records).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class TopicsController {

    private static final Logger log = LoggerFactory.getLogger(TopicsController.class);

    private final ConsoleConfig config;
    private final MessageDecoder decoder;

    TopicsController(ConsoleConfig config, MessageDecoder decoder) {
        this.config = config;
        this.decoder = decoder;
    }

    @Get(value = "/topics", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> topics(HttpRequest<?> request, @Nullable @QueryValue String q,
            @Nullable @QueryValue String internal, @Nullable @QueryValue String page,
            @Nullable @QueryValue String size) {
        Session session = ConsoleGate.session(request);
        boolean withInternal = "true".equals(internal);
        StringBuilder body = new StringBuilder("<form method=\"get\" action=\"/topics\"><input type=\"search\" name=\"q\" "
                + "placeholder=\"topic name contains\" value=\"" + value(q) + "\"> <label class=\"inline\">"
                + "<input type=\"checkbox\" name=\"internal\" value=\"true\"" + (withInternal ? " checked" : "")
                + "> Kafka's internal topics</label> <button type=\"submit\">Search</button></form>");
        TopicPage shown;
        try {
            shown = new TopicPage(whole("page", page, 1), whole("size", size, TopicPage.DEFAULT_SIZE));
        } catch (IllegalArgumentException e) {
            body.append(Page.error(e.getMessage()));
            return Page.of(HttpStatus.BAD_REQUEST, session, "Topics", body.toString());
        }
        try {
            TopicList list = TopicList.read(session.kafka(), q, withInternal, shown);
            body.append("<p>").append(list.matching()).append(" topic(s) you may describe")
                    .append(list.topics().isEmpty() || list.matching() == list.topics().size() ? ""
                            : String.format(Locale.ROOT, ", %d–%d shown", shown.first(),
                                    shown.first() + list.topics().size() - 1))
                    .append(list.sizesKnown() ? "" : "; sizes need DESCRIBE on the cluster, which you do not have")
                    .append(".</p>").append(pages(q, withInternal, shown, list.matching()))
                    .append("<table id=\"topics\"><tr><th>topic</th><th>partitions</th><th>replicas</th>"
                            + "<th>size</th><th>settings</th></tr>");
            for (TopicList.Topic topic : list.topics()) {
                body.append("<tr><td><a href=\"/topics/").append(Html.url(topic.name())).append("\">")
                        .append(Html.text(topic.name())).append("</a></td><td class=\"num\">").append(topic.partitions())
                        .append("</td><td class=\"num\">").append(topic.replication()).append("</td><td class=\"num\">")
                        .append(topic.bytes().map(TopicsController::bytes).orElse("-")).append("</td><td>")
                        .append(Html.text(settings(topic.overrides()))).append("</td></tr>");
            }
            body.append("</table>");
            return Page.ok(session, "Topics", body.toString());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return failed(session, "Topics", body, e, "DESCRIBE", "the topics");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(session, "Topics", body, e, "DESCRIBE", "the topics");
        }
    }

    /** Links to the previous and next pages, keeping the search; nothing when one page holds all. */
    private static String pages(@Nullable String q, boolean internal, TopicPage shown, int matching) {
        int last = shown.pages(matching);
        if (last == 1 && shown.number() == 1) {
            return "";
        }
        String query = "/topics?q=" + Html.url(q == null ? "" : q) + (internal ? "&amp;internal=true" : "")
                + (shown.size() == TopicPage.DEFAULT_SIZE ? "" : "&amp;size=" + shown.size()) + "&amp;page=";
        StringBuilder nav = new StringBuilder("<p id=\"pages\">");
        if (shown.number() > 1) {
            nav.append("<a rel=\"prev\" href=\"").append(query).append(Math.min(shown.number() - 1, last))
                    .append("\">previous</a> ");
        }
        nav.append("page ").append(shown.number()).append(" of ").append(last);
        if (shown.number() < last) {
            nav.append(" <a rel=\"next\" href=\"").append(query).append(shown.number() + 1).append("\">next</a>");
        }
        return nav.append("</p>").toString();
    }

    /** A whole-number query parameter, {@code otherwise} when absent; a clear error naming it when not a number. */
    private static int whole(String name, @Nullable String text, int otherwise) {
        if (!present(text)) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
        }
    }

    @Get(value = "/topics/{name}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> topic(HttpRequest<?> request, @PathVariable String name,
            @Nullable @QueryValue String partition, @Nullable @QueryValue String offset,
            @Nullable @QueryValue String since, @Nullable @QueryValue String filter) {
        Session session = ConsoleGate.session(request);
        String title = "Topic " + name;
        StringBuilder body = new StringBuilder(seekForm(name, partition, offset, since, filter));
        TopicMessages.Page page;
        try {
            page = read(session, name, partition, offset, since, filter);
        } catch (BadParameterException e) {
            body.append(Page.error(e.getMessage()));
            return Page.of(HttpStatus.BAD_REQUEST, session, title, body.toString());
        } catch (TopicMessages.UnknownTopicException e) {
            body.append(Page.error("The topic " + name + " does not exist, or principal " + session.principal()
                    + " may not DESCRIBE it (ACLs are declared in setup/access.yaml)."));
            return Page.of(HttpStatus.NOT_FOUND, session, title, body.toString());
        } catch (RuntimeException e) {
            return failed(session, title, body, e, "READ", "topic " + name);
        }
        body.append(ranges(page)).append(messages(page));
        if (mayWrite(session, name)) {
            body.append(ProduceController.form(name));
        }
        return Page.ok(session, title, body.toString());
    }

    private static boolean mayWrite(Session session, String name) {
        try {
            return ValidatedProducer.mayWrite(session.kafka(), name);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // no form rather than no page: reading the topic worked, the question of writing is secondary
            log.debug("may {} write {}? {}", session.principal(), name,
                    e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TopicMessages.Page read(Session session, String name, @Nullable String partition, @Nullable String offset,
            @Nullable String since, @Nullable String filter) {
        int size = config.pageSize();
        if (present(filter)) {
            String needle = filter.toLowerCase(Locale.ROOT);
            Predicate<ConsumerRecord<byte[], byte[]>> matches = record -> contains(decoder.key(record.key()), needle)
                    || contains(decoder.decode(record.value()).text(), needle);
            return TopicMessages.filter(session.kafka(), name, matches, size, config.scanLimit());
        }
        if (present(since)) {
            Instant at;
            try {
                at = Instant.parse(since.strip());
            } catch (DateTimeParseException e) {
                throw new BadParameterException("since must be an ISO-8601 instant such as 2026-12-07T10:00:00Z, was '"
                        + since + "'");
            }
            return TopicMessages.fromTime(session.kafka(), name, at, size);
        }
        if (present(partition) || present(offset)) {
            int p = (int) number("partition", partition, 0, Integer.MAX_VALUE);
            long o = number("offset", offset, 0, Long.MAX_VALUE);
            try {
                return TopicMessages.fromOffset(session.kafka(), name, p, o, size);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException(e.getMessage());
            }
        }
        return TopicMessages.newest(session.kafka(), name, size);
    }

    private String messages(TopicMessages.Page page) {
        StringBuilder html = new StringBuilder("<p>").append(page.messages().size()).append(" message(s); ")
                .append(page.scanned()).append(" record(s) read").append(page.scanLimitReached()
                        ? ", stopped at the scan limit of " + config.scanLimit() + " (narrow it with a time or an offset)"
                        : "").append(".</p><table id=\"messages\"><tr><th>partition</th><th>offset</th><th>time</th>"
                        + "<th>key</th><th>value</th><th>schema</th><th>headers</th></tr>");
        for (ConsumerRecord<byte[], byte[]> record : page.messages()) {
            MessageDecoder.Decoded value = decoder.decode(record.value());
            String schema = value.schemaId().map(id -> "id " + id + value.schema().map(s -> " · " + s.subject()
                    + " v" + s.version()).orElse(" (not in the registry)")).orElse(value.format());
            html.append("<tr><td class=\"num\">").append(record.partition()).append("</td><td class=\"num\">")
                    .append(record.offset()).append("</td><td>").append(Instant.ofEpochMilli(record.timestamp()))
                    .append("</td><td>").append(Html.text(decoder.key(record.key()))).append("</td><td><pre>")
                    .append(Html.text(value.text())).append("</pre></td><td class=\"schema\">").append(Html.text(schema))
                    .append("</td><td>").append(Html.text(headers(record))).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String ranges(TopicMessages.Page page) {
        StringBuilder html = new StringBuilder("<table id=\"partitions\"><tr><th>partition</th><th>first offset</th>"
                + "<th>next offset</th><th>records</th></tr>");
        for (TopicMessages.Range range : page.partitions()) {
            html.append("<tr><td class=\"num\">").append(range.partition()).append("</td><td class=\"num\">")
                    .append(range.begin()).append("</td><td class=\"num\">").append(range.end())
                    .append("</td><td class=\"num\">").append(range.count()).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String seekForm(String name, @Nullable String partition, @Nullable String offset,
            @Nullable String since, @Nullable String filter) {
        return "<form method=\"get\" action=\"/topics/" + Html.url(name) + "\" id=\"seek\">"
                + "partition <input type=\"text\" name=\"partition\" size=\"4\" value=\"" + value(partition) + "\"> "
                + "offset <input type=\"text\" name=\"offset\" size=\"10\" value=\"" + value(offset) + "\"> "
                + "or since <input type=\"text\" name=\"since\" placeholder=\"2026-12-07T10:00:00Z\" value=\""
                + value(since) + "\"> or containing <input type=\"search\" name=\"filter\" value=\"" + value(filter)
                + "\"> <button type=\"submit\">Show</button> <a href=\"/topics/" + Html.url(name) + "\">newest</a></form>";
    }

    private MutableHttpResponse<String> failed(Session session, String title, StringBuilder body, Exception e,
            String operation, String resource) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        String refusal = Refusal.of(cause, session.principal(), operation, resource).orElse(null);
        body.append(Page.error(refusal != null ? refusal : "Kafka could not answer: " + cause));
        return Page.of(refusal != null ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE, session, title,
                body.toString());
    }

    private static long number(String name, @Nullable String text, long min, long max) {
        if (!present(text)) {
            throw new BadParameterException(name + " is needed with " + (name.equals("offset") ? "partition" : "offset"));
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                throw new BadParameterException(name + " must be " + min + " or more, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + " must be a whole number, was '" + text + "'");
        }
    }

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    private static boolean contains(String text, String needle) {
        return text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String value(@Nullable String text) {
        return Html.text(text == null ? "" : text);
    }

    private static String headers(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(header.value() == null ? "null"
                    : new String(header.value(), StandardCharsets.UTF_8)).append('\n');
        }
        return text.toString();
    }

    private static String settings(Map<String, String> overrides) {
        StringBuilder text = new StringBuilder();
        overrides.forEach((key, value) -> text.append(text.isEmpty() ? "" : ", ").append(key).append('=').append(value));
        return text.toString();
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A query parameter that cannot be used, said with its name. */
    static final class BadParameterException extends RuntimeException {

        BadParameterException(String message) {
            super(message);
        }
    }
}
