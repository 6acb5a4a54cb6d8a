package dev.bazaar.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The HTTP basic {@code Authorization} header, built in one place for every client of the platform's HTTP APIs. */
public final class BasicAuth {

    private BasicAuth() {
    }

    public static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
