package dev.bazaar.shop.http;

import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.common.http.micronaut.ServiceRouteSecurity;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.Set;

/** The route security of shop-api ({@link ServiceRouteSecurity}): the shop may publish items, orders and campaigns. */
@MicronautTest
class RouteSecurityIT extends ServiceRouteSecurity {

    RouteSecurityIT() {
        super(ShopApiCredentials.USER, ShopApiCredentials::basic, ShopApiCredentials::bearer,
                Set.of("POST /items", "POST /orders", "POST /campaigns"));
    }

    @Override
    public Map<String, String> getProperties() {
        String varDir = platformAt(Running.shared().layout()).root().toString();
        return Map.of("shop.var-dir", varDir, "micronaut.server.ssl.port", "-1");
    }
}
