package dev.bazaar.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one form of a request target that is routed, decided on the raw target. */
class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/products/p-00001", "/products/ABC_123", "/v1.2/x", "/a/b/c"})
    void canonicalTargetsAreSplitIntoTheirSegments(String target) {
        assertThat(CanonicalPath.segments(target)).as(target)
                .contains(List.of(target.substring(1).split("/")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/products/p-00001"})
    void everyTrickOfTheRouteAuditButUpperCaseIsNotCanonical(String path) {
        // given
        Map<String, String> tricks = new LinkedHashMap<>(RouteAudit.pathTricks(path));

        // when upper case is set aside (canonical: it matches no route, whose literals are lower case)
        String upper = tricks.remove("upper case");

        // then
        assertThat(upper).as("upper case of %s", path).isEqualTo(path.toUpperCase(Locale.ROOT));
        assertThat(tricks).as("tricks of %s", path).hasSizeGreaterThanOrEqualTo(10);
        tricks.forEach((name, tricked) ->
                assertThat(CanonicalPath.segments(tricked)).as("%s: %s", name, tricked).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "health", "*", "//", "/health/", "//health", "/health//x", "/./health",
        "/health/.", "/health/..", "/x/../health", "/..", "/.health", "/health.", "/health..x", "/heal%74h",
        "/health%2F", "/health;x", "/health;", "/health?", "/health?x=1", "/health#x", "/health\\",
        "/health x", "/health\t", "/health%00", "/health\u0000", "/h\u00e9alth", "https://127.0.0.1/health",
        "http:/health", "/health:x", "/health@x", "/health+x", "/health~", "/products/p-1,p-2", "/products/p%2D1"})
    void anythingElseIsNot(String target) {
        assertThat(CanonicalPath.segments(target)).as("'%s'", target).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {CanonicalPath.MAX_LENGTH + 1, 100_000})
    void anOverlongTargetIsNot(int length) {
        assertThat(CanonicalPath.segments("/" + "a".repeat(length - 1))).as("%d characters", length).isEmpty();
    }
}
