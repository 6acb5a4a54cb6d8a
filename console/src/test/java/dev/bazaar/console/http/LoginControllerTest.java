package dev.bazaar.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** After signing in, the browser goes back to a page of this console and nowhere else. */
class LoginControllerTest {

    @Test
    void aPathOfThisConsoleIsKept() {
        assertThat(LoginController.safeNext("/topics/orders?filter=x")).isEqualTo("/topics/orders?filter=x");
    }

    @Test
    void anythingThatCouldLeaveTheConsoleGoesToTheOverview() {
        assertThat(LoginController.safeNext(null)).isEqualTo("/");
        assertThat(LoginController.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(LoginController.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(LoginController.safeNext("/\\evil.example/")).isEqualTo("/");
        assertThat(LoginController.safeNext("/a\r\nSet-Cookie: x=y")).isEqualTo("/");
        assertThat(LoginController.safeNext("topics")).isEqualTo("/");
    }
}
