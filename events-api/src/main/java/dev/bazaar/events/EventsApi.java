package dev.bazaar.events;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * events-api: the product-event ingest. Takes events over HTTPS — on its own path and on the earlier
 * FastAPI and Django systems' paths, their payloads unchanged — checks each against its kind's
 * registered schema, keys it by the hash of its kind's key fields (so every copy of an event meets
 * the others on one partition, where dedup keeps the first), and answers once Kafka acknowledged it
 * on {@code product-events-raw}. Shows dedup's decisions as the earlier service's status did.
 * Kafka principal {@code events}.
 */
@OpenAPIDefinition(info = @Info(title = "events-api", version = "1",
        description = "Product-event ingest onto Kafka, keyed for exactly-once de-duplication."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class EventsApi {

    private EventsApi() {
    }

    public static void main(String[] args) {
        Micronaut.run(EventsApi.class, args);
    }
}
