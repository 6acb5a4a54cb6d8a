package dev.bazaar.client.it;

import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.http.micronaut.ServiceRouteSecurity;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.Set;

/** The route security of client-api ({@link ServiceRouteSecurity}): the client may search and read recommendations. */
@MicronautTest
class RouteSecurityIT extends ServiceRouteSecurity {

    RouteSecurityIT() {
        super(ClientApiCredentials.USER, ClientApiCredentials::basic, ClientApiCredentials::bearer,
                Set.of("GET /search", "GET /recommendations/{customer}"));
    }

    @Override
    public Map<String, String> getProperties() {
        String varDir = platformAt(Running.shared().layout()).root().toString();
        return Map.of("client.var-dir", varDir, "micronaut.server.ssl.port", "-1", "client.recommendations-wait", "0s");
    }
}
