package dev.bazaar.connectors.elasticsearch;

import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;

/** What the sink does with a tombstone: a record whose value is null. */
public enum NullValueBehavior {
    /** Delete the document whose id is the record key; a missing document is not an error. */
    DELETE,
    /** Skip the record. */
    IGNORE,
    /** Fail the task, naming the record. */
    FAIL;

    public static final NullValueBehavior DEFAULT = DELETE;

    /** Parses a configured value, ignoring case. */
    public static NullValueBehavior parse(String value) {
        return ConfigEnums.parse(NullValueBehavior.class, value);
    }

    /** A validator that accepts the lower-case names in any case and names the key when it rejects one. */
    public static ConfigDef.Validator validator() {
        return ConfigEnums.validator(NullValueBehavior.class);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
