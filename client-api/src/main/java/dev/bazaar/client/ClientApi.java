package dev.bazaar.client;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

/**
 * client-api: the shopper's side of the marketplace. Searches the catalog Elasticsearch holds and
 * records every search on {@code client-search}; serves each customer's recommendations from the
 * compacted {@code recommendations} topic, enriched from the catalog. Kafka principal {@code client}.
 */
@OpenAPIDefinition(info = @Info(title = "client-api", version = "1",
        description = "Search of the catalog and personal recommendations; every search is recorded on Kafka."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class ClientApi {

    private ClientApi() {
    }

    public static void main(String[] args) {
        Micronaut.run(ClientApi.class, args);
    }
}
