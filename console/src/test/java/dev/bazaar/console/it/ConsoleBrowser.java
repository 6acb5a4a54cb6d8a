package dev.bazaar.console.it;

import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does with the console, over real HTTPS trusting the platform CA: keeps the cookies it
 * is given, follows no redirect by itself (the tests look at each), posts forms, and sends the page's
 * CSRF token with a change as the console's script does.
 */
final class ConsoleBrowser {

    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    ConsoleBrowser(RuntimeLayout layout, String base) {
        this.http = PlatformTls.httpClient(layout);
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form posted as the console's script posts it: with {@code csrf} in X-CSRF-Token (none when null). */
    HttpResponse<String> post(String path, Map<String, String> form, String csrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        encode(form)));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request);
    }

    HttpResponse<String> send(String method, String path, String csrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request);
    }

    /** Signs in through the form as a person does; the answer to the form's post. */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        return post("/login", Map.of("username", username, "password", password, "_csrf", formToken(form.body()),
                "next", "/"), null);
    }

    /** The CSRF token of the signed-in user's pages. */
    String csrf() throws IOException, InterruptedException {
        Matcher matcher = META_TOKEN.matcher(get("/").body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the overview: not signed in?");
        }
        return matcher.group(1);
    }

    static String formToken(String html) {
        Matcher matcher = FORM_TOKEN.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no _csrf field in the sign-in form: " + html);
        }
        return matcher.group(1);
    }

    /** This browser with a cookie it kept from before. */
    ConsoleBrowser withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            boolean expired = List.of(header.toLowerCase().split(";")).stream().map(String::strip)
                    .anyMatch(attribute -> attribute.equals("max-age=0"));
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
