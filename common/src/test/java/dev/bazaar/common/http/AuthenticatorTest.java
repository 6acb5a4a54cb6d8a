package dev.bazaar.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.HttpUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP basic against the users' secrets: one user or none, never a guess. */
class AuthenticatorTest {

    private static final String OPS_PASSWORD = "ops-secret-0123456789";
    private final Authenticator authenticator = new Authenticator(Map.of(HttpUser.OPS, OPS_PASSWORD,
            HttpUser.ADMIN, "admin-secret-0123456789", HttpUser.METRICS, "scrape-secret-0123456789"));

    @Test
    void noHeaderIsNoCredentials() {
        assertThat(authenticator.authenticate(null)).as("no header").isEqualTo(Authenticator.Result.NONE);
        assertThat(authenticator.authenticate(List.of())).as("no value").isEqualTo(Authenticator.Result.NONE);
    }

    @Test
    void eachUserIsKnownByItsOwnPasswordOnly() {
        assertThat(authenticator.authenticate(List.of(BasicAuth.header("ops", OPS_PASSWORD))).user())
                .as("ops").contains(HttpUser.OPS);
        assertThat(authenticator.authenticate(List.of(BasicAuth.header("prometheus", "scrape-secret-0123456789")))
                .user()).as("prometheus").contains(HttpUser.METRICS);
        assertThat(authenticator.authenticate(List.of(BasicAuth.header("admin", OPS_PASSWORD))).refused())
                .as("admin with ops' password").isTrue();
    }

    @Test
    void theSchemeIsCaseInsensitiveAsRfc7617Says() {
        String token = BasicAuth.header("ops", OPS_PASSWORD).substring("Basic ".length());

        assertThat(authenticator.authenticate(List.of("basic " + token)).user()).as("basic").contains(HttpUser.OPS);
        assertThat(authenticator.authenticate(List.of("BASIC " + token)).user()).as("BASIC").contains(HttpUser.OPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic ", "Bearer abc", "Basic !!!notbase64", "Digest username=ops",
        "ops:ops-secret-0123456789"})
    void malformedHeadersAreRefused(String value) {
        assertThat(authenticator.authenticate(List.of(value))).as("'%s'", value).isEqualTo(Authenticator.Result.REFUSED);
    }

    @Test
    void wrongCredentialsAreRefused() {
        assertThat(refused("ops", OPS_PASSWORD + "x")).as("a character more").isTrue();
        assertThat(refused("ops", OPS_PASSWORD.substring(1))).as("a character less").isTrue();
        assertThat(refused("ops", "")).as("empty password").isTrue();
        assertThat(refused("OPS", OPS_PASSWORD)).as("user name in upper case").isTrue();
        assertThat(refused("mallory", OPS_PASSWORD)).as("unknown user").isTrue();
        assertThat(refused("", OPS_PASSWORD)).as("no user name").isTrue();
        assertThat(authenticator.authenticate(List.of(basic("ops" + OPS_PASSWORD))).refused()).as("no colon").isTrue();
    }

    @Test
    void twoAuthorizationHeadersAreRefusedEvenIfOneIsRight() {
        Authenticator.Result result = authenticator.authenticate(List.of(BasicAuth.header("ops", OPS_PASSWORD),
                BasicAuth.header("admin", "wrong")));

        assertThat(result.refused()).as("two headers").isTrue();
        assertThat(result.user()).as("user").isEqualTo(Optional.empty());
    }

    private boolean refused(String user, String password) {
        return authenticator.authenticate(List.of(BasicAuth.header(user, password))).refused();
    }

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
