package dev.bazaar.common.cli;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;

/**
 * Where a CLI finds one of the platform's HTTP services and how it signs in: the URL from {@code --url}
 * or from the endpoints the platform recorded at {@code up}, the caller's credentials from the
 * platform's secrets, over HTTPS trusting the platform CA. Never generates a password: a missing one
 * means the service never ran against this runtime folder.
 *
 * @param url the service's base URL, without a trailing slash
 * @param authorization the caller's HTTP basic {@code Authorization} header
 * @param http an HTTPS client trusting the platform CA, hostname verification on
 */
public record ServiceTarget(URI url, String authorization, HttpClient http) {

    /**
     * Resolves {@code service} in the platform of {@code layout}.
     *
     * @param url the {@code --url} given, or null or blank for the one the platform recorded
     * @param caller the service's caller, whose password the service generates when it first starts
     * @param urlVariable the environment variable {@code --url} defaults to, for the hint
     * @throws ServiceException when the URL, the credentials or the platform CA are missing
     */
    public static ServiceTarget resolve(String url, RuntimeLayout layout, String service, HttpUser caller,
            String urlVariable) {
        URI base = url != null && !url.isBlank() ? parse(url) : platformUrl(layout, service, urlVariable);
        if (!layout.secrets().exists(caller.secret())) {
            throw new ServiceException("no " + service + " credentials at " + layout.secrets().file(caller.secret())
                    + ": " + service + " creates them when it first starts; start the platform with './bazaar up', "
                    + "or point --var (BAZAAR_VAR) at its runtime folder");
        }
        if (!Files.isReadable(layout.truststore())) {
            throw new ServiceException("no platform CA at " + layout.truststore() + ": './bazaar up' creates it; start "
                    + "the platform, or point --var (BAZAAR_VAR) at its runtime folder");
        }
        return new ServiceTarget(base, caller.basic(layout), PlatformTls.httpClient(layout));
    }

    private static URI platformUrl(RuntimeLayout layout, String service, String urlVariable) {
        PlatformEndpoints endpoints;
        try {
            endpoints = PlatformEndpoints.load(layout);
        } catch (IllegalStateException e) {
            throw new ServiceException("no running platform found in " + layout.root() + ": start it with './bazaar up', "
                    + "or pass --url (" + urlVariable + ")", e);
        }
        return parse(endpoints.serviceUrl(service).orElseThrow(() -> new ServiceException("the platform in "
                + layout.root() + " recorded no " + service + " URL: start it with './bazaar up' (./bazaar status shows "
                + "what runs), or pass --url")));
    }

    private static URI parse(String url) {
        String trimmed = url.strip();
        return URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    }
}
