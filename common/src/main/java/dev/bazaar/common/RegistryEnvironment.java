package dev.bazaar.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads an external schema registry from environment variables: its URL, the credentials of one
 * {@link RegistryUser} there and the truststore of its CA, each checked so that bad settings fail
 * naming the variable.
 */
final class RegistryEnvironment {

    static final String URL = "BAZAAR_REGISTRY_URL";
    static final String TRUSTSTORE = "BAZAAR_REGISTRY_TRUSTSTORE";
    static final String TRUSTSTORE_PASSWORD = "BAZAAR_REGISTRY_TRUSTSTORE_PASSWORD";
    /** The truststore external Kafka clusters use too; the registry's when it has none of its own. */
    static final String SHARED_TRUSTSTORE = "BAZAAR_TRUSTSTORE";
    static final String SHARED_TRUSTSTORE_PASSWORD = "BAZAAR_TRUSTSTORE_PASSWORD";

    private static final String WHEN_EXTERNAL = "when " + URL + " is set";

    /** The variables naming one truststore and its password, and why they are required. */
    private record TruststoreVariables(String path, String password, String because) {
    }

    private RegistryEnvironment() {
    }

    /** Optional: the registry username of {@code user}, by default its embedded name ({@code readonly}, ...). */
    static String usernameVariable(RegistryUser user) {
        return "BAZAAR_REGISTRY_" + user.name() + "_USERNAME";
    }

    static String passwordVariable(RegistryUser user) {
        return "BAZAAR_REGISTRY_" + user.name() + "_PASSWORD";
    }

    /**
     * The external registry as {@code user} when {@value #URL} is set, empty when it is not (and no
     * other registry variable is, which would otherwise be ignored silently).
     */
    static Optional<RegistryConnection> external(Map<String, String> env, RegistryUser user) {
        if (value(env, URL) == null) {
            refuseWithoutUrl(env);
            return Optional.empty();
        }
        String url = value(env, URL).strip();
        checkUrl(url);
        String username = Optional.ofNullable(value(env, usernameVariable(user))).orElse(user.username());
        String password = required(env, passwordVariable(user), WHEN_EXTERNAL);
        TruststoreVariables truststore = truststoreVariables(env);
        Path truststorePath = truststorePath(required(env, truststore.path(), truststore.because()), truststore.path());
        String truststorePassword = required(env, truststore.password(), truststore.because());
        checkTruststoreOpens(truststorePath, truststorePassword, truststore);
        return Optional.of(new RegistryConnection(url, username, password, truststorePath, truststorePassword));
    }

    private static void refuseWithoutUrl(Map<String, String> env) {
        Stream<String> perUser = Arrays.stream(RegistryUser.values())
                .flatMap(user -> Stream.of(usernameVariable(user), passwordVariable(user)));
        Stream.concat(Stream.of(TRUSTSTORE, TRUSTSTORE_PASSWORD), perUser)
                .filter(key -> value(env, key) != null)
                .findFirst()
                .ifPresent(key -> {
                    throw new IllegalStateException("environment variable " + key + " is set but " + URL
                            + " is not: set " + URL + " to use an external schema registry, or unset " + key
                            + " to use the embedded one");
                });
    }

    /** An https URL with a host and nothing after its path; the value is echoed only when it holds no user info. */
    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("environment variable " + URL + " is not a valid URL: " + e.getReason(), e);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalStateException("environment variable " + URL + " must not hold credentials: set them in "
                    + "BAZAAR_REGISTRY_<ROLE>_USERNAME and BAZAAR_REGISTRY_<ROLE>_PASSWORD");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException("environment variable " + URL + " must be the registry's base URL over "
                    + "HTTPS, such as https://registry.example.com:8443 (credentials go with every request), not " + url);
        }
    }

    /** The registry's own truststore when either of its variables is set, otherwise the shared one. */
    private static TruststoreVariables truststoreVariables(Map<String, String> env) {
        if (value(env, TRUSTSTORE) != null) {
            return new TruststoreVariables(TRUSTSTORE, TRUSTSTORE_PASSWORD, "when " + TRUSTSTORE + " is set");
        }
        if (value(env, TRUSTSTORE_PASSWORD) != null) {
            return new TruststoreVariables(TRUSTSTORE, TRUSTSTORE_PASSWORD, "when " + TRUSTSTORE_PASSWORD + " is set");
        }
        return new TruststoreVariables(SHARED_TRUSTSTORE, SHARED_TRUSTSTORE_PASSWORD,
                WHEN_EXTERNAL + " and " + TRUSTSTORE + " is not");
    }

    private static Path truststorePath(String value, String key) {
        try {
            Path path = Path.of(value);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return path;
            }
        } catch (InvalidPathException e) {
            throw new IllegalStateException("environment variable " + key + " is not a file path: " + e.getReason(), e);
        }
        throw new IllegalStateException("environment variable " + key + " names " + value + ", which is not a readable file");
    }

    private static void checkTruststoreOpens(Path path, String password, TruststoreVariables keys) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the truststore " + path + " named by " + keys.path()
                    + " does not open as PKCS12 with the password in " + keys.password() + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> env, String key, String because) {
        String value = value(env, key);
        if (value == null) {
            throw new IllegalStateException("environment variable " + key + " is required " + because);
        }
        return value;
    }

    /** The value of {@code key}, null when unset or blank. */
    private static String value(Map<String, String> env, String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? null : value;
    }
}
