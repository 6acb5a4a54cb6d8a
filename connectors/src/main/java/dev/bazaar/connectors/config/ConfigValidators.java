package dev.bazaar.connectors.config;

import java.util.function.Consumer;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Validators our sink connectors' configurations share; each refusal names the key. */
public final class ConfigValidators {

    private ConfigValidators() {
    }

    /** Accepts no password or a non-empty one. */
    public static ConfigDef.Validator nonEmptyPassword() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null && ((Password) value).value().isEmpty()) {
                    throw new ConfigException(name, value, "must not be empty when set");
                }
            }

            @Override
            public String toString() {
                return "non-empty password when set";
            }
        };
    }

    /**
     * Accepts what {@code parser} parses; its {@link IllegalArgumentException} becomes the refusal's reason.
     *
     * @param description what the value must be, as the configuration reference shows it
     */
    public static ConfigDef.Validator parsedBy(String description, Consumer<Object> parser) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    parser.accept(value);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
