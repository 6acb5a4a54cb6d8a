package dev.bazaar.common.http.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import io.micronaut.security.authentication.Authentication;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceUsersTest {

    private static final HttpUser CALLER = new HttpUser("caller", "some-api");
    private static final ServiceSecurity SERVICE = new ServiceSecurity("some-api", CALLER, "some-api-token", "calling");

    @TempDir
    Path dir;

    private RuntimeLayout layout;
    private ServiceUsers users;

    @BeforeEach
    void startTheService() {
        layout = new RuntimeLayout(dir);
        users = new ServiceUsers(SERVICE, layout);
    }

    @Test
    void eachUserSignsInWithItsOwnPasswordAndHoldsItsOwnRole() {
        // when the caller, Prometheus and the admin sign in with their passwords, then each holds its role
        assertThat(signedIn(users.password(CALLER.name(), CALLER.password(layout)))).as("the caller")
                .containsExactly(CALLER.name(), List.of("calling"));
        assertThat(signedIn(users.password(HttpUser.METRICS.name(), HttpUser.METRICS.password(layout)))).as("Prometheus")
                .containsExactly(HttpUser.METRICS.name(), List.of(ServiceUsers.ROLE_METRICS));
        assertThat(signedIn(users.password(HttpUser.ADMIN.name(), HttpUser.ADMIN.password(layout)))).as("the admin")
                .containsExactly(HttpUser.ADMIN.name(), List.of(ServiceUsers.ROLE_ADMIN));
    }

    @Test
    void wrongPasswordAnotherUsersPasswordAndUnknownUserAreRefused() {
        // when a password is not the user's, or the user is not the service's, then nobody signs in
        assertThat(users.password(CALLER.name(), "wrong")).as("a wrong password").isEmpty();
        assertThat(users.password(CALLER.name(), HttpUser.ADMIN.password(layout))).as("the admin's password").isEmpty();
        assertThat(users.password(HttpUser.OPS.name(), HttpUser.OPS.password(layout))).as("a user of other services")
                .isEmpty();
    }

    @Test
    void tokenSignsTheCallerInAndNothingElseDoes() {
        // given the caller's token
        String token = layout.secrets().password(SERVICE.tokenSecret());

        // then it signs the caller in with its role, and a password or another string does not
        assertThat(signedIn(users.token(token))).as("the caller's token")
                .containsExactly(CALLER.name(), List.of("calling"));
        assertThat(users.token(CALLER.password(layout))).as("the caller's password as a token").isEmpty();
        assertThat(users.token("wrong-token")).as("a wrong token").isEmpty();
    }

    /** The name and the roles of who signed in, nothing when nobody did. */
    private static List<Object> signedIn(Optional<Authentication> authentication) {
        return authentication.<List<Object>>map(user -> List.of(user.getName(), List.copyOf(user.getRoles())))
                .orElse(List.of());
    }
}
