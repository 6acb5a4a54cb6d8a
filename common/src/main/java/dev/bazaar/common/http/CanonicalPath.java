package dev.bazaar.common.http;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one form of a request target a {@link SecureHttpServer} routes: origin form, decided on the raw,
 * un-decoded target as it came on the request line. A canonical target is {@code /} followed by
 * segments joined by single slashes, each of ASCII letters, digits, {@code _} and {@code -}, with
 * single dots only between them. Nothing else is routed: no trailing slash, no empty segment
 * ({@code //}), no {@code .} or {@code ..} segment, no percent-encoding, no {@code ;} parameters, no
 * query or fragment, no absolute form ({@code https://host/…}). Case is kept as sent and literal
 * segments of routes are lower case, so {@code /HEALTH} matches no route either.
 */
final class CanonicalPath {

    static final int MAX_LENGTH = 1024;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");
    private static final Pattern TARGET = Pattern.compile("(?:/" + SEGMENT.pattern() + ")+");

    private CanonicalPath() {
    }

    /** The segments of {@code rawTarget} when it is canonical; empty otherwise (including {@code /}). */
    static Optional<List<String>> segments(String rawTarget) {
        if (rawTarget == null || rawTarget.length() > MAX_LENGTH || !TARGET.matcher(rawTarget).matches()) {
            return Optional.empty();
        }
        return Optional.of(List.of(rawTarget.substring(1).split("/")));
    }
}
