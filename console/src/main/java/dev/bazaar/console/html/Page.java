package dev.bazaar.console.html;

import dev.bazaar.console.session.Session;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * The frame of every page: the navigation, who is signed in, the sign-out button, and the CSRF token
 * that {@code /console.js} sends with every change. The pages are server-rendered HTML; the only script
 * is the console's own static file (the Content-Security-Policy allows nothing else).
 */
public final class Page {

    private static final String[][] NAVIGATION = {{"/", "Overview"}, {"/topics", "Topics"}, {"/groups", "Groups"},
        {"/schemas", "Schemas"}, {"/connectors", "Connectors"}, {"/mirror", "Mirror"}, {"/stop-list", "Stop-list"},
        {"/dashboards", "Dashboards"}, {"/alerts", "Alerts"}, {"/acls", "ACLs"}, {"/audit", "Audit"}};

    private Page() {
    }

    /** A page of a signed-in user. */
    public static MutableHttpResponse<String> of(HttpStatus status, Session session, String title, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] entry : NAVIGATION) {
            nav.append("<a href=\"").append(entry[0]).append("\">").append(entry[1]).append("</a>");
        }
        String html = head(title, "<meta name=\"csrf-token\" content=\"" + Html.text(session.csrfToken()) + "\">"
                + "<link rel=\"stylesheet\" href=\"/uplot.css\"><script src=\"/uplot.js\" defer></script>")
                + "<header><strong>Bazaar console</strong><nav>" + nav + "</nav><span class=\"who\">signed in as <b id=\"principal\">"
                + Html.text(session.principal()) + "</b></span><form method=\"post\" action=\"/logout\" class=\"change\">"
                + "<button type=\"submit\">Sign out</button></form></header>\n<main>\n<h1>" + Html.text(title) + "</h1>\n"
                + body + "\n</main></body></html>\n";
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }

    public static MutableHttpResponse<String> ok(Session session, String title, String body) {
        return of(HttpStatus.OK, session, title, body);
    }

    /** A page of nobody signed in yet (the sign-in form). */
    public static MutableHttpResponse<String> anonymous(HttpStatus status, String title, String body) {
        String html = head(title, "") + "<header><strong>Bazaar console</strong></header>\n<main>\n<h1>"
                + Html.text(title) + "</h1>\n" + body + "\n</main></body></html>\n";
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }

    /** A refusal or failure shown in the page, not as a stack trace. */
    public static String error(String message) {
        return "<p class=\"error\" role=\"alert\">" + Html.text(message) + "</p>";
    }

    private static String head(String title, String extra) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.text(title)
                + " · Bazaar console</title><meta name=\"viewport\" content=\"width=device-width\">"
                + "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/console.css\"><script src=\"/console.js\" defer></script>" + extra
                + "</head><body>\n";
    }
}
