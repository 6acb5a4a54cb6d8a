package dev.bazaar.common.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers: a status, a content type and a body, plus any extra headers.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} of the body
 * @param body the body (empty: none)
 * @param headers extra response headers
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public Response {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    /** A JSON body. */
    public static Response json(int status, String json) {
        return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A body of {@code contentType}, UTF-8. */
    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Response that && status == that.status && contentType.equals(that.contentType)
                && Arrays.equals(body, that.body) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), headers);
    }

    @Override
    public String toString() {
        return "Response[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
