package dev.bazaar.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the running platform answers: written by the launcher at {@code up}, read by every client
 * so that no address is declared twice.
 */
public record PlatformEndpoints(String mainBootstrap, String mirrorBootstrap, String registryUrl,
        Map<String, String> serviceUrls) {

    private static final String MAIN = "main.bootstrap.servers";
    private static final String MIRROR = "mirror.bootstrap.servers";
    private static final String REGISTRY = "registry.url";
    private static final String SERVICE_PREFIX = "service.";
    private static final String URL_SUFFIX = ".url";

    public PlatformEndpoints {
        serviceUrls = Map.copyOf(new TreeMap<>(serviceUrls));
    }

    public PlatformEndpoints(String mainBootstrap, String mirrorBootstrap, String registryUrl) {
        this(mainBootstrap, mirrorBootstrap, registryUrl, Map.of());
    }

    /** The URL of one of the platform's HTTP services ({@code shop-api}, {@code stream-filter}, ...), if it has one. */
    public Optional<String> serviceUrl(String service) {
        return Optional.ofNullable(serviceUrls.get(service));
    }

    public String bootstrap(Cluster cluster) {
        return cluster == Cluster.MAIN ? mainBootstrap : mirrorBootstrap;
    }

    /** Reads the endpoints of the platform laid out in {@code layout}, failing clearly when it never started. */
    public static PlatformEndpoints load(RuntimeLayout layout) {
        Path file = layout.endpointsFile();
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no platform endpoints at " + file
                    + ": start the platform with './bazaar up' or point the client at an external cluster", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> services = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith(SERVICE_PREFIX) && key.endsWith(URL_SUFFIX)) {
                services.put(key.substring(SERVICE_PREFIX.length(), key.length() - URL_SUFFIX.length()),
                        props.getProperty(key).strip());
            }
        }
        return new PlatformEndpoints(required(props, MAIN, file), required(props, MIRROR, file),
                required(props, REGISTRY, file), services);
    }

    public void store(RuntimeLayout layout) {
        Properties props = new Properties();
        props.setProperty(MAIN, mainBootstrap);
        props.setProperty(MIRROR, mirrorBootstrap);
        props.setProperty(REGISTRY, registryUrl);
        serviceUrls.forEach((service, url) -> props.setProperty(SERVICE_PREFIX + service + URL_SUFFIX, url));
        Path file = layout.endpointsFile();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "endpoints", ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(writer, "Bazaar platform endpoints, written by ./bazaar up");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String required(Properties props, String key, Path file) {
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " lacks '" + key + "': run './bazaar up' again to rewrite it");
        }
        return value.strip();
    }
}
