package dev.bazaar.console.http;

import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.registry.LineDiff;
import dev.bazaar.console.registry.RegistrySchemas;
import dev.bazaar.console.registry.RegistrySchemas.Subject;
import dev.bazaar.console.registry.RegistrySchemas.Version;
import dev.bazaar.console.registry.SchemaQuery;
import dev.bazaar.console.registry.UnknownSchemaException;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /schemas}: every subject of the schema registry with its versions, their schema ids and its
 * compatibility level; {@code /schemas/{subject}}: one subject, the schema of a version
 * ({@code version}, the latest by default) and the changes between two ({@code diff=A..B}, or
 * {@code from} and {@code to}) as a line diff of the pretty-printed schemas. Read-only: the registry is
 * read as its read-only user.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SchemasController {

    private static final Logger log = LoggerFactory.getLogger(SchemasController.class);
    /** Unchanged lines kept on each side of a change in a diff. */
    private static final int CONTEXT = 3;
    private static final String BACK = "<p><a href=\"/schemas\">All subjects</a></p>";

    private final RegistrySchemas registry;

    SchemasController(RegistrySchemas registry) {
        this.registry = registry;
    }

    @Get(value = "/schemas", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> subjects(HttpRequest<?> request) {
        Session session = ConsoleGate.session(request);
        List<Subject> subjects;
        try {
            subjects = registry.all();
        } catch (RuntimeException e) {
            return unavailable(session, "Schemas", e);
        }
        StringBuilder body = new StringBuilder("<p>").append(subjects.size()).append(" subject(s) in the schema registry")
                .append(subjects.isEmpty() ? "" : "; its global compatibility level is "
                        + Html.text(subjects.getFirst().compatibility().global()))
                .append(".</p><table id=\"subjects\"><tr><th>subject</th><th>versions · schema ids</th><th>type</th>"
                        + "<th>compatibility</th></tr>");
        for (Subject subject : subjects) {
            body.append("<tr><td><a href=\"/schemas/").append(Html.url(subject.name())).append("\">")
                    .append(Html.text(subject.name())).append("</a></td><td>").append(versionLinks(subject))
                    .append("</td><td>").append(Html.text(subject.versions().isEmpty() ? "-"
                            : subject.versions().getLast().type())).append("</td><td>")
                    .append(Html.text(subject.compatibility().level()))
                    .append(subject.compatibility().subjectsOwn() ? " <span class=\"note\">(the subject's own)</span>" : "")
                    .append("</td></tr>");
        }
        return Page.ok(session, "Schemas", body.append("</table>").toString());
    }

    @Get(value = "/schemas/{subject}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> subject(HttpRequest<?> request, @PathVariable String subject,
            @Nullable @QueryValue String version, @Nullable @QueryValue String diff,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Session session = ConsoleGate.session(request);
        String title = "Subject " + subject;
        SchemaQuery query;
        try {
            query = SchemaQuery.parse(version, diff, from, to);
        } catch (IllegalArgumentException e) {
            return Page.of(HttpStatus.BAD_REQUEST, session, title, Page.error(e.getMessage()) + BACK);
        }
        try {
            Subject found = registry.subject(subject);
            Version shown = query.version().in(found);
            StringBuilder body = new StringBuilder(header(found)).append(versions(found, shown));
            query.diff().ifPresent(compared -> body.append(diff(found, compared.from().in(found),
                    compared.to().in(found))));
            body.append("<section id=\"schema\"><h2>Version ").append(shown.version()).append(" · schema id ")
                    .append(shown.id()).append("</h2><pre>").append(Html.text(shown.pretty())).append("</pre></section>");
            return Page.ok(session, title, body.toString());
        } catch (UnknownSchemaException e) {
            return Page.of(HttpStatus.NOT_FOUND, session, title, Page.error(e.getMessage()) + BACK);
        } catch (RuntimeException e) {
            return unavailable(session, title, e);
        }
    }

    private static String header(Subject subject) {
        RegistrySchemas.Compatibility compatibility = subject.compatibility();
        return "<p>Compatibility level <b id=\"compatibility\">" + Html.text(compatibility.level()) + "</b> "
                + (compatibility.subjectsOwn() ? "(set on this subject; the registry's global level is "
                        + Html.text(compatibility.global()) + ")" : "(the registry's global level)")
                + ". <a href=\"/schemas\">All subjects</a></p>";
    }

    private static String versions(Subject subject, Version shown) {
        String self = "/schemas/" + Html.url(subject.name());
        StringBuilder html = new StringBuilder("<table id=\"versions\"><tr><th>version</th><th>schema id</th>"
                + "<th>type</th><th>changes</th></tr>");
        Version previous = null;
        for (Version version : subject.versions()) {
            html.append("<tr").append(version.equals(shown) ? " class=\"shown\"" : "")
                    .append("><td class=\"num\"><a href=\"").append(self).append("?version=").append(version.version())
                    .append("\">").append(version.version())
                    .append("</a></td><td class=\"num\">").append(version.id()).append("</td><td>")
                    .append(Html.text(version.type())).append("</td><td>");
            if (previous != null) {
                html.append("<a href=\"").append(self).append("?diff=").append(previous.version()).append("..")
                        .append(version.version()).append("\">from version ").append(previous.version()).append("</a>");
            }
            html.append("</td></tr>");
            previous = version;
        }
        html.append("</table>");
        if (subject.versions().size() > 1) {
            html.append("<form method=\"get\" action=\"").append(self).append("\" id=\"compare\">Compare version ")
                    .append(options("from", subject, subject.versions().get(subject.versions().size() - 2)))
                    .append(" with version ").append(options("to", subject, subject.versions().getLast()))
                    .append(" <button type=\"submit\">Show the changes</button></form>");
        }
        return html.toString();
    }

    private static String options(String name, Subject subject, Version selected) {
        StringBuilder html = new StringBuilder("<select name=\"").append(name).append("\">");
        for (Version version : subject.versions()) {
            html.append("<option").append(version.equals(selected) ? " selected" : "").append(">")
                    .append(version.version()).append("</option>");
        }
        return html.append("</select>").toString();
    }

    private static String diff(Subject subject, Version from, Version to) {
        StringBuilder html = new StringBuilder("<section id=\"diff\"><h2>Changes from version ").append(from.version())
                .append(" to version ").append(to.version()).append("</h2>");
        List<LineDiff.Line> lines = LineDiff.of(from.pretty(), to.pretty());
        long added = LineDiff.count(lines, LineDiff.Kind.ADDED);
        long removed = LineDiff.count(lines, LineDiff.Kind.REMOVED);
        if (added == 0 && removed == 0) {
            return html.append("<p>Versions ").append(from.version()).append(" and ").append(to.version())
                    .append(" of ").append(Html.text(subject.name())).append(" have the same schema.</p></section>")
                    .toString();
        }
        return html.append("<p>").append(added).append(" line(s) added, ").append(removed).append(" removed (the schemas ")
                .append("pretty-printed; unchanged lines further than ").append(CONTEXT)
                .append(" from a change left out).</p>").append(diffText(LineDiff.withContext(lines, CONTEXT)))
                .append("</section>").toString();
    }

    /** The lines of a diff, each marked by its kind (+ added, - removed) and styled by its class. */
    private static String diffText(List<LineDiff.Line> lines) {
        StringBuilder html = new StringBuilder("<pre class=\"diff\">");
        for (LineDiff.Line line : lines) {
            html.append(switch (line.kind()) {
                case SAME -> "<span class=\"same\">  ";
                case ADDED -> "<span class=\"added\">+ ";
                case REMOVED -> "<span class=\"removed\">- ";
                case SKIPPED -> "<span class=\"skipped\">⋯ ";
            }).append(Html.text(line.text())).append("</span>\n");
        }
        return html.append("</pre>").toString();
    }

    private static String versionLinks(Subject subject) {
        StringBuilder html = new StringBuilder();
        for (Version version : subject.versions()) {
            html.append(html.isEmpty() ? "" : ", ").append("<a href=\"/schemas/").append(Html.url(subject.name()))
                    .append("?version=").append(version.version()).append("\">v").append(version.version())
                    .append("</a> · id ").append(version.id());
        }
        return html.isEmpty() ? "none" : html.toString();
    }

    private static MutableHttpResponse<String> unavailable(Session session, String title, RuntimeException e) {
        log.warn("the schema registry could not be read for {}: {}", session.principal(), e.toString());
        return Page.of(HttpStatus.SERVICE_UNAVAILABLE, session, title,
                Page.error("The schema registry could not be read: " + e.getMessage()));
    }
}
