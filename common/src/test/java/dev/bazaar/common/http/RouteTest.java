package dev.bazaar.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.HttpUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Route templates: lower-case literals and parameters, matched segment by segment, deny by default. */
class RouteTest {

    private static final RouteHandler OK = request -> Response.json(200, "{}");
    private final Route product = new Route("GET", "/products/{id}", Access.users(HttpUser.OPS), OK);

    @Test
    void aTemplateMatchesExactlyItsSegments() {
        assertThat(product.match(List.of("products", "P-1"))).as("a product").contains(Map.of("id", "P-1"));
        assertThat(product.match(List.of("products"))).as("fewer segments").isEmpty();
        assertThat(product.match(List.of("products", "p-1", "x"))).as("more segments").isEmpty();
        assertThat(product.match(List.of("PRODUCTS", "p-1"))).as("literal in upper case").isEmpty();
        assertThat(product.expand("p-00001")).as("expanded").isEqualTo("/products/p-00001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "health", "/health/", "//health", "/Health", "/health/{}", "/health/{Id}",
        "/health;x", "/heal%74h", "/a/../b", "/{id", "/.", "/x/{id}.json"})
    void aTemplateThatIsNotCanonicalIsRefused(String template) {
        assertThatThrownBy(() -> new Route("GET", template, Access.users(HttpUser.OPS), OK)).as("'%s'", template)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "", "G ET"})
    void aMethodIsAnUpperCaseToken(String method) {
        assertThatThrownBy(() -> new Route(method, "/health", Access.users(HttpUser.OPS), OK)).as("'%s'", method)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessIsDeniedByDefault() {
        assertThatThrownBy(() -> new Access(false, Set.of())).as("nobody").isInstanceOf(IllegalArgumentException.class);
        assertThat(Access.users(HttpUser.OPS).allows(Optional.empty())).as("anonymous on ops' route").isFalse();
        assertThat(Access.users(HttpUser.OPS).allows(Optional.of(HttpUser.ADMIN))).as("admin on ops' route")
                .isFalse();
        assertThat(Access.anonymousOr().allows(Optional.of(HttpUser.OPS)))
                .as("a user on an anonymous route that names nobody").isFalse();
    }

    @Test
    void twoRoutesForOnePathAndMethodAreRefused() {
        SecureHttpServer.Builder builder = SecureHttpServer.builder("test").get("/products/{id}",
                Access.users(HttpUser.OPS), OK);

        assertThatThrownBy(() -> builder.get("/products/list", Access.users(HttpUser.ADMIN), OK))
                .as("a literal under a parameter").isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.route("DELETE", "/products/{id}", Access.users(HttpUser.ADMIN), OK).routes())
                .as("another method").hasSize(2);
    }
}
