package dev.bazaar.console.http;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.session.Session;
import dev.bazaar.console.session.SessionStore;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * The console's one door, in front of every route (deny by default): a request passes only if its
 * exact method and raw path are on the short allow-list below, or it carries a live session; a change
 * (any method but GET and HEAD) must also carry the session's CSRF token in {@code X-CSRF-Token}.
 * The allow-list is matched on the raw path as sent, so a differently spelt path ({@code /login/},
 * {@code /LOGIN}, {@code //login}, {@code /%6Cogin}) is not on it and needs a session like any other.
 * <ul>
 *   <li>{@code GET /health}: the launcher's readiness probe, status only;</li>
 *   <li>{@code GET /login}, {@code POST /login}: signing in (the form carries its own token, checked by
 *       {@link LoginController});</li>
 *   <li>{@code GET /console.css}, {@code GET /console.js}: the console's static style and script;</li>
 *   <li>{@code GET /prometheus}: Prometheus' scrape, with HTTP basic as the scrape user or admin;</li>
 *   <li>{@code POST /alerts/webhook}: Alertmanager's delivery, with HTTP basic as its webhook user only.</li>
 * </ul>
 * Every answer carries a strict Content-Security-Policy (this origin's script and style only, no
 * framing) and is not cached.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class ConsoleGate implements HttpServerFilter {

    static final String SESSION_COOKIE = "__Host-bazaar-console";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_ATTRIBUTE = "bazaar.console.session";
    private static final Set<String> ANONYMOUS = Set.of("GET /health", "GET /login", "POST /login",
            "GET /console.css", "GET /console.js");
    private static final String SCRAPE = "GET /prometheus";
    private static final String WEBHOOK = "POST /alerts/webhook";
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            // same-origin, not no-referrer: with no-referrer a browser posts a form with "Origin: null", which
            // Micronaut refuses; a referrer still never leaves the console
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");

    private final SessionStore sessions;
    private final RuntimeLayout layout;

    public ConsoleGate(SessionStore sessions, RuntimeLayout layout) {
        this.sessions = sessions;
        this.layout = layout;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String route = request.getMethodName() + " " + request.getUri().getRawPath();
        if (ANONYMOUS.contains(route)) {
            return secured(chain.proceed(request));
        }
        if (route.equals(SCRAPE)) {
            return scraper(request) ? secured(chain.proceed(request))
                    : refuse(HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body("unauthorized")
                            .header("WWW-Authenticate", "Basic realm=\"console\""));
        }
        if (route.equals(WEBHOOK)) {
            return basic(request, HttpUser.ALERT_WEBHOOK) ? secured(chain.proceed(request))
                    : refuse(HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body("unauthorized")
                            .header("WWW-Authenticate", "Basic realm=\"console\""));
        }
        Optional<Session> session = request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue)
                .flatMap(sessions::find);
        if (session.isEmpty()) {
            return refuse(signInFirst(request));
        }
        boolean change = request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD;
        if (change && !SessionStore.csrfMatches(session.get(), request.getHeaders().get(CSRF_HEADER))) {
            return refuse(Page.of(HttpStatus.FORBIDDEN, session.get(), "Refused", Page.error(
                    "This change was refused: it did not carry the CSRF token of your session. Changes are made "
                            + "from the console's own pages.")));
        }
        request.setAttribute(SESSION_ATTRIBUTE, session.get());
        return secured(chain.proceed(request));
    }

    /** The session the gate let the request in with. */
    static Session session(HttpRequest<?> request) {
        return request.getAttribute(SESSION_ATTRIBUTE, Session.class)
                .orElseThrow(() -> new IllegalStateException("no session on " + request.getPath()));
    }

    /** A page asks the browser to sign in and come back; anything else is refused 401. */
    private static MutableHttpResponse<?> signInFirst(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            String back = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? ""
                    : "?" + request.getUri().getRawQuery());
            return HttpResponse.seeOther(java.net.URI.create("/login?next="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        }
        return Page.anonymous(HttpStatus.UNAUTHORIZED, "Sign in first",
                "<p>Your session has ended or you have not signed in. <a href=\"/login\">Sign in</a>.</p>");
    }

    private boolean scraper(HttpRequest<?> request) {
        return basic(request, HttpUser.METRICS, HttpUser.ADMIN);
    }

    /** Whether the request carries HTTP basic of one of {@code users}, the password compared in constant time. */
    private boolean basic(HttpRequest<?> request, HttpUser... users) {
        String header = request.getHeaders().getAuthorization().orElse("");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        byte[] password = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        for (HttpUser scraper : users) {
            boolean same = MessageDigest.isEqual(password, scraper.password(layout).getBytes(StandardCharsets.UTF_8));
            if (same && scraper.name().equals(user)) {
                return true;
            }
        }
        return false;
    }

    private static Publisher<MutableHttpResponse<?>> refuse(MutableHttpResponse<?> response) {
        return Publishers.just(withHeaders(response));
    }

    private static Publisher<MutableHttpResponse<?>> secured(Publisher<MutableHttpResponse<?>> answer) {
        return Publishers.map(answer, ConsoleGate::withHeaders);
    }

    private static MutableHttpResponse<?> withHeaders(MutableHttpResponse<?> response) {
        HEADERS.forEach((name, value) -> {
            if (!response.getHeaders().contains(name)) {
                response.header(name, value);
            }
        });
        return response;
    }
}
