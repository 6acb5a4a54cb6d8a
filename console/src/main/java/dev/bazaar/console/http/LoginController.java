package dev.bazaar.console.http;

import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.KafkaLogin;
import dev.bazaar.console.session.Session;
import dev.bazaar.console.session.SessionStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out. {@code POST /login} takes the form fields {@code username} and {@code password}
 * — the SCRAM credentials {@code ./bazaar client-properties} prints — and the main cluster decides.
 * The form carries a token that must equal a cookie set with it (the sign-in form cannot be posted from
 * another site), and a user name refused five times within five minutes is refused without asking
 * Kafka until then ({@link SignInThrottle}). The session cookie is {@code __Host-}, Secure, HttpOnly
 * and SameSite=Strict.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoginController {

    static final String LOGIN_COOKIE = "__Host-bazaar-console-login";
    private static final Duration LOGIN_FORM_LIFETIME = Duration.ofMinutes(30);

    private final KafkaLogin login;
    private final SessionStore sessions;
    private final SignInThrottle throttle;

    LoginController(KafkaLogin login, SessionStore sessions, SignInThrottle throttle) {
        this.login = login;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> form(@Nullable @QueryValue String next) {
        return form(HttpStatus.OK, "", "", next);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> signIn(@Body Map<String, String> fields, HttpRequest<?> request) {
        String username = fields.getOrDefault("username", "").strip();
        String password = fields.getOrDefault("password", "");
        String next = fields.get("next");
        Optional<String> cookie = request.getCookies().findCookie(LOGIN_COOKIE).map(Cookie::getValue);
        String token = fields.get("_csrf");
        if (cookie.isEmpty() || token == null || !MessageDigest.isEqual(cookie.get().getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return form(HttpStatus.FORBIDDEN, username, "The sign-in form has expired or did not come from this "
                    + "console: sign in again from this page.", next);
        }
        if (username.isEmpty() || password.isEmpty()) {
            return form(HttpStatus.BAD_REQUEST, username, "Enter the user name and the password of your Kafka principal.",
                    next);
        }
        Optional<Duration> wait = throttle.waitBefore(username);
        if (wait.isPresent()) {
            return form(HttpStatus.TOO_MANY_REQUESTS, username, "Too many refused sign-ins for " + username
                    + ": try again in " + Math.max(1, wait.get().toSeconds()) + " s.", next);
        }
        return switch (login.signIn(username, password)) {
            case KafkaLogin.Outcome.SignedIn signedIn -> {
                throttle.succeeded(username);
                Session session = sessions.open(username, signedIn.clients());
                yield HttpResponse.<String>seeOther(URI.create(safeNext(next)))
                        .cookie(sessionCookie(session.id()))
                        .cookie(expired(LOGIN_COOKIE));
            }
            case KafkaLogin.Outcome.Refused refused -> {
                throttle.refused(username);
                yield form(HttpStatus.UNAUTHORIZED, username, "Wrong user name or password.", next);
            }
            case KafkaLogin.Outcome.Unavailable unavailable -> form(HttpStatus.SERVICE_UNAVAILABLE, username,
                    "The main cluster could not check your credentials: " + unavailable.reason(), next);
        };
    }

    @Post(value = "/logout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL}, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> signOut(HttpRequest<?> request) {
        sessions.close(ConsoleGate.session(request));
        return HttpResponse.<String>seeOther(URI.create("/login")).cookie(expired(ConsoleGate.SESSION_COOKIE));
    }

    private MutableHttpResponse<String> form(HttpStatus status, String username, String error, @Nullable String next) {
        String token = SessionStore.randomToken();
        String body = (error.isEmpty() ? "" : Page.error(error))
                + "<form method=\"post\" action=\"/login\" id=\"login\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + Html.text(token) + "\">"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.text(safeNext(next)) + "\">"
                + "<label for=\"username\">Kafka principal</label><input type=\"text\" id=\"username\" name=\"username\" "
                + "autocomplete=\"username\" required value=\"" + Html.text(username) + "\">"
                + "<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" "
                + "autocomplete=\"current-password\" required>"
                + "<p><button type=\"submit\">Sign in</button></p></form>"
                + "<p class=\"note\">Your own principal's SCRAM credentials, as <code>./bazaar client-properties "
                + "&lt;principal&gt;</code> prints them. Everything you do here runs as that principal: you see what "
                + "its ACLs allow.</p>";
        return Page.anonymous(status, "Sign in", body).cookie(Cookie.of(LOGIN_COOKIE, token).path("/").secure(true)
                .httpOnly(true).sameSite(SameSite.Strict).maxAge(LOGIN_FORM_LIFETIME));
    }

    /** Where to go after signing in: a path of this console only, never another site. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    private static Cookie sessionCookie(String id) {
        return Cookie.of(ConsoleGate.SESSION_COOKIE, id).path("/").secure(true).httpOnly(true).sameSite(SameSite.Strict);
    }

    private static Cookie expired(String name) {
        return Cookie.of(name, "").path("/").secure(true).httpOnly(true).sameSite(SameSite.Strict).maxAge(0);
    }
}
