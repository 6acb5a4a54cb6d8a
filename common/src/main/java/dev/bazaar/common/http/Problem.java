package dev.bazaar.common.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The refusals of a {@link SecureHttpServer} as RFC 9457 problem details
 * ({@code application/problem+json}: type, title, status, detail). The detail never echoes what
 * the caller sent.
 */
final class Problem {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE = "about:blank";

    private Problem() {
    }

    /** 401: no credentials where the route needs them, or credentials not accepted. */
    static Response unauthorized(String realm, String detail) {
        return of(401, "Unauthorized", detail, Map.of("WWW-Authenticate", "Basic realm=\"" + realm + "\""));
    }

    /** 403: a valid user the route does not name. */
    static Response forbidden(String detail) {
        return of(403, "Forbidden", detail, Map.of());
    }

    /** 404: no route matches the path as sent. */
    static Response notFound(String detail) {
        return of(404, "Not Found", detail, Map.of());
    }

    /** 405: the path is a route, not with this method. */
    static Response methodNotAllowed(String allowed, String detail) {
        return of(405, "Method Not Allowed", detail, Map.of("Allow", allowed));
    }

    /** 500: the handler failed; what failed is in the server's log, not in the answer. */
    static Response internalError() {
        return of(500, "Internal Server Error", "the request failed; the service's log says why", Map.of());
    }

    static Response of(int status, String title, String detail, Map<String, String> headers) {
        String json = "{\"type\":\"" + TYPE + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
        return new Response(status, CONTENT_TYPE, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A JSON string's content: quotes, backslashes and control characters escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
