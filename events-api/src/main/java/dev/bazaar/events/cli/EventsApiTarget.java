package dev.bazaar.events.cli;

import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.ServiceTarget;

/** Where the CLI finds events-api and how it signs in: as {@link ServiceTarget} resolves it, as user {@code events}. */
final class EventsApiTarget {

    static final String SERVICE = "events-api";

    private EventsApiTarget() {
    }

    static ServiceTarget resolve(String url, RuntimeLayout layout) {
        return ServiceTarget.resolve(url, layout, SERVICE, EventsApiCredentials.CALLER, "BAZAAR_EVENTS_URL");
    }
}
