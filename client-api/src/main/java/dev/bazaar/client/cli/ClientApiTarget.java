package dev.bazaar.client.cli;

import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.ServiceTarget;
import java.nio.file.Path;

/** Where the CLI finds client-api and how it signs in: as {@link ServiceTarget} resolves it, as user {@code client}. */
final class ClientApiTarget {

    static final String SERVICE = "client-api";

    private ClientApiTarget() {
    }

    static ServiceTarget resolve(String url, Path var) {
        return ServiceTarget.resolve(url, new RuntimeLayout(var), SERVICE, ClientApiCredentials.CALLER,
                "BAZAAR_CLIENT_URL");
    }
}
