package dev.bazaar.shop;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** shop-api: the HTTP front of the catalog and of orders, publishing each record to Kafka as principal {@code shop}. */
@OpenAPIDefinition(info = @Info(title = "shop-api", version = "1",
        description = "Publishes catalog items and orders to Kafka, schema-validated; answers once the brokers acknowledged."))
public final class ShopApi {

    private ShopApi() {
    }

    public static void main(String[] args) {
        Micronaut.run(ShopApi.class, args);
    }
}
