package dev.bazaar.connectors.config;

import org.apache.kafka.common.config.ConfigException;

/** A rule between keys that the values break, reported against {@code key}. */
public record ConfigViolation(String key, Object value, String message) {

    public ConfigException toException() {
        return new ConfigException(key, value, message);
    }
}
