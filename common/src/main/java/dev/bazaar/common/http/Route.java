package dev.bazaar.common.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a {@link SecureHttpServer}'s route table: a method, a path template such as
 * {@code /products/{id}}, who may call it and what answers it. Literal segments are lower case;
 * a {@code {name}} segment takes any one canonical segment. A request matches only when its raw path
 * is canonical ({@link CanonicalPath}) and has exactly the template's segments.
 *
 * @param method the HTTP method, upper case ({@code GET})
 * @param template the path template
 * @param access who may call it
 * @param handler what answers it
 */
public record Route(String method, String template, Access access, RouteHandler handler) {

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    private static final Pattern LITERAL = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z][a-zA-Z0-9]*)}");

    public Route {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("method '" + method + "': expected an upper-case HTTP method");
        }
        segments(template);
    }

    /** The template's segments; a parameter segment as {@code {name}}. */
    static List<String> segments(String template) {
        if (template == null || !template.startsWith("/") || template.length() < 2) {
            throw new IllegalArgumentException("path template '" + template + "': expected /segment[/segment…]");
        }
        List<String> segments = List.of(template.substring(1).split("/", -1));
        for (String segment : segments) {
            if (!LITERAL.matcher(segment).matches() && !PARAMETER.matcher(segment).matches()) {
                throw new IllegalArgumentException("path template '" + template + "': segment '" + segment
                        + "' is neither lower-case " + LITERAL.pattern() + " nor a {parameter}");
            }
        }
        return segments;
    }

    /** The path parameters when {@code path} (canonical segments) matches this route's template. */
    Optional<Map<String, String>> match(List<String> path) {
        List<String> template = segments(this.template);
        if (template.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            Matcher parameter = PARAMETER.matcher(template.get(i));
            if (parameter.matches()) {
                parameters.put(parameter.group(1), path.get(i));
            } else if (!template.get(i).equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** The template with every parameter replaced by {@code value}: a path that matches this route. */
    public String expand(String value) {
        List<String> path = new ArrayList<>();
        for (String segment : segments(template)) {
            path.add(PARAMETER.matcher(segment).matches() ? value : segment);
        }
        return "/" + String.join("/", path);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
