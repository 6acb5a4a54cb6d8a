package dev.bazaar.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** The checkout under test (system property {@code bazaar.home}): its build output and its platform data in {@code setup/}. */
final class Checkout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkout() {
    }

    static Path home() {
        return Path.of(System.getProperty("bazaar.home", "..")).toAbsolutePath().normalize();
    }

    /** The {@code config} of a deployed connector, {@code setup/connectors/<name>.json}. */
    static JsonNode connectorConfig(String name) throws IOException {
        return JSON.readTree(home().resolve("setup/connectors").resolve(name + ".json").toFile()).path("config");
    }
}
