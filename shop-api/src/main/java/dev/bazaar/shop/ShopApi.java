package dev.bazaar.shop;

import io.micronaut.runtime.Micronaut;

/** shop-api: the HTTP front of the catalog and of orders, publishing each record to Kafka as principal {@code shop}. */
public final class ShopApi {

    private ShopApi() {
    }

    public static void main(String[] args) {
        Micronaut.run(ShopApi.class, args);
    }
}
