package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console as {@code ./bazaar up} runs it — its own process, jar and runtime classpath, the port of
 * the launcher's plan, the keystore issued for it — answers as the console in the test JVM does: the
 * settings of its application.yml apply there too (HTTPS on 127.0.0.1, management endpoints off but
 * health and Prometheus).
 */
@ExtendWith(EmbeddedPlatform.class)
class LaunchedConsoleIT {

    @Test
    void theLaunchedConsoleServesItsSignInPageOverHttpsAndSignsAPrincipalIn(Running platform) throws Exception {
        RuntimeLayout layout = platform.layout();
        String url = PlatformEndpoints.load(layout).serviceUrl("console").orElseThrow();
        HttpClient http = PlatformTls.httpClient(layout);

        HttpResponse<String> health = http.send(get(url + "/health").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> beans = http.send(get(url + "/beans").header("Authorization",
                HttpUser.ADMIN.basic(layout)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> scraped = http.send(get(url + "/prometheus").header("Authorization",
                HttpUser.METRICS.basic(layout)).build(), HttpResponse.BodyHandlers.ofString());
        ConsoleBrowser browser = new ConsoleBrowser(layout, url);
        HttpResponse<String> signedIn = browser.signIn("ops", layout.secrets().password("ops"));
        HttpResponse<String> overview = browser.get("/");

        assertThat(url).startsWith("https://127.0.0.1:");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(beans.statusCode()).as("a management endpoint that is off, even for admin's basic").isEqualTo(303);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("# TYPE");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(overview.body()).contains("signed in as <b id=\"principal\">ops</b>");
        assertThat(browser.cookies()).containsKey("__Host-bazaar-console").hasSize(1);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    }
}
