package dev.bazaar.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CLI says when the platform, the service's URL, its credentials or the platform CA are missing. */
class ServiceTargetTest {

    private static final HttpUser CALLER = new HttpUser("caller", "some-api");

    @TempDir
    Path dir;

    private RuntimeLayout layout;

    @BeforeEach
    void anEmptyRuntimeFolder() {
        layout = new RuntimeLayout(dir);
    }

    @Test
    void withoutAPlatformTheHintNamesTheUrlVariable() {
        assertThatThrownBy(() -> ServiceTarget.resolve(null, layout, "some-api", CALLER, "BAZAAR_SOME_URL"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("no running platform found in " + dir)
                .hasMessageContaining("--url (BAZAAR_SOME_URL)");
    }

    @Test
    void aPlatformWithoutTheServiceSaysSo() {
        // given
        new PlatformEndpoints("localhost:9092", "localhost:9093", "https://localhost:8081").store(layout);

        // then
        assertThatThrownBy(() -> ServiceTarget.resolve(" ", layout, "some-api", CALLER, "BAZAAR_SOME_URL"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("recorded no some-api URL");
    }

    @Test
    void missingCredentialsAreNeverGenerated() {
        assertThatThrownBy(() -> ServiceTarget.resolve("https://127.0.0.1:1/", layout, "some-api", CALLER, "X"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("no some-api credentials at " + layout.secrets().file("some-api"))
                .hasMessageContaining("some-api creates them when it first starts");
        assertThat(layout.secrets().exists(CALLER.secret())).as("the password, generated").isFalse();
    }

    @Test
    void aMissingPlatformCaIsNamed() {
        // given the caller's password
        CALLER.password(layout);

        // then
        assertThatThrownBy(() -> ServiceTarget.resolve("https://127.0.0.1:1", layout, "some-api", CALLER, "X"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("no platform CA at " + layout.truststore());
    }
}
