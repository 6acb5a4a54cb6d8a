package dev.bazaar.analytics.config;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Which of an item's two names ({@code name.en}, {@code name.ru}) the sales report shows. */
public enum NameLanguage {
    EN,
    RU;

    public static final NameLanguage DEFAULT = EN;

    /** Parses {@code en} or {@code ru} in any case. */
    public static NameLanguage parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    /** The JSON field of {@code name} in an item. */
    public String field() {
        return toString();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the names of the constants in any case. */
    public static ConfigDef.Validator validator() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    parse((String) value);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new ConfigException(name, value, "must be one of " + this);
                }
            }

            @Override
            public String toString() {
                return String.join(", ", Arrays.stream(values()).map(NameLanguage::toString).toList());
            }
        };
    }
}
