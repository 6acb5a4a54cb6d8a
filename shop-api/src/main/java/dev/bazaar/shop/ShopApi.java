package dev.bazaar.shop;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** shop-api: the HTTP front of the catalog and of orders, publishing each record to Kafka as principal {@code shop}. */
@OpenAPIDefinition(info = @Info(title = "shop-api", version = "1",
        description = "Publishes catalog items and orders to Kafka, schema-validated; answers once the brokers acknowledged."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class ShopApi {

    private ShopApi() {
    }

    public static void main(String[] args) {
        Micronaut.run(ShopApi.class, args);
    }
}
