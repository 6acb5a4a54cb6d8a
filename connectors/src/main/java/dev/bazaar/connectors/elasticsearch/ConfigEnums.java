package dev.bazaar.connectors.elasticsearch;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Enum-valued settings: written in lower case, read in any case, refused naming the key and the choices. */
final class ConfigEnums {

    private ConfigEnums() {
    }

    /** Parses a configured value of {@code type}, ignoring case. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    /** A validator that accepts the names of {@code type} in any case and names the key when it rejects one. */
    static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    parse(type, (String) value);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new ConfigException(name, value, "must be one of " + this);
                }
            }

            @Override
            public String toString() {
                return Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
            }
        };
    }
}
