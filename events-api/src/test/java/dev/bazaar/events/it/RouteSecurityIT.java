package dev.bazaar.events.it;

import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.http.micronaut.ServiceRouteSecurity;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.Set;

/**
 * The route security of events-api ({@link ServiceRouteSecurity}): apps (user events) may post events on
 * every ingest path and read the status; Prometheus reads /prometheus; the rest is the admin's.
 */
@MicronautTest
class RouteSecurityIT extends ServiceRouteSecurity {

    RouteSecurityIT() {
        super(EventsApiCredentials.USER, EventsApiCredentials::basic, EventsApiCredentials::bearer,
                Set.of("POST /events", "POST /api-fast/view-event", "POST /product_events", "GET /api-fast/status"));
    }

    @Override
    public Map<String, String> getProperties() {
        Running platform = EventsPlatform.prepared();
        platformAt(platform.layout());
        return EventsPlatform.properties(platform);
    }
}
