package dev.bazaar.events.it;

import dev.bazaar.common.RegistryConnection;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * The platform events-api's integration tests run against: the build's one platform with the
 * components of {@code it.components} (events-api, dedup, the sink and what they depend on), started by
 * the launcher, which also issues events-api's certificate and applies {@code setup/} (the events topics,
 * principal {@code events}'s ACLs, the kinds' schema subjects, the table and its roles).
 */
final class EventsPlatform {

    static final String SERVICE = "events-api";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private EventsPlatform() {
    }

    /** The build's platform, ready for events-api. */
    static Running prepared() {
        return Running.shared();
    }

    /** The settings of an events-api started in the test JVM against {@code platform}: a free HTTPS port. */
    static Map<String, String> properties(Running platform) {
        return Map.of("events.var-dir", platform.layout().root().toString(), "micronaut.server.ssl.port", "-1");
    }

    static HttpRequest.Builder request(RegistryConnection registry, String path) {
        return HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", registry.authorization());
    }
}
