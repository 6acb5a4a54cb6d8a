package dev.bazaar.client.cli;

import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CLI finds client-api and how it signs in: the URL from {@code --url} or from the
 * endpoints the platform recorded at {@code up}, the credentials from the platform's secrets, over
 * HTTPS trusting the platform CA. Never generates a password: a missing one means the service never
 * ran against this runtime folder.
 *
 * @param http an HTTPS client trusting the platform CA, hostname verification on
 */
record ClientApiTarget(URI url, String authorization, HttpClient http) {

    static final String SERVICE = "client-api";

    static ClientApiTarget resolve(String url, Path var) {
        RuntimeLayout layout = new RuntimeLayout(var);
        URI base = url != null && !url.isBlank() ? parse(url) : platformUrl(layout);
        if (!ClientApiCredentials.exist(layout)) {
            throw new ServiceException("no client-api credentials at " + layout.secrets().file(
                    ClientApiCredentials.PASSWORD_SECRET) + ": client-api creates them when it first starts; start the "
                    + "platform with './bazaar up', or point --var (BAZAAR_VAR) at its runtime folder");
        }
        if (!Files.isReadable(layout.truststore())) {
            throw new ServiceException("no platform CA at " + layout.truststore() + ": './bazaar up' creates it; start "
                    + "the platform, or point --var (BAZAAR_VAR) at its runtime folder");
        }
        return new ClientApiTarget(base, ClientApiCredentials.basic(layout), PlatformTls.httpClient(layout));
    }

    private static URI platformUrl(RuntimeLayout layout) {
        PlatformEndpoints endpoints;
        try {
            endpoints = PlatformEndpoints.load(layout);
        } catch (IllegalStateException e) {
            throw new ServiceException("no running platform found in " + layout.root() + ": start it with './bazaar up', "
                    + "or pass --url (BAZAAR_CLIENT_URL)", e);
        }
        return parse(endpoints.serviceUrl(SERVICE).orElseThrow(() -> new ServiceException("the platform in "
                + layout.root() + " recorded no client-api URL: start it with './bazaar up' (./bazaar status shows "
                + "what runs), or pass --url")));
    }

    private static URI parse(String url) {
        String trimmed = url.strip();
        return URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    }
}
