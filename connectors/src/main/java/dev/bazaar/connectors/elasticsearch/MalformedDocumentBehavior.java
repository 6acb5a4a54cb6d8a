package dev.bazaar.connectors.elasticsearch;

import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;

/**
 * What the sink does with a record Elasticsearch cannot take as a document (a mapping error, a
 * value that is not a JSON object, a record without a key) when Connect has no errant record
 * reporter to hand it to.
 */
public enum MalformedDocumentBehavior {
    /** Fail the task, naming the record and the reason. */
    FAIL,
    /** Log the record's coordinates and the reason at warn, then skip it. */
    WARN,
    /** Skip the record, logging it at debug only. */
    IGNORE;

    public static final MalformedDocumentBehavior DEFAULT = FAIL;

    /** Parses a configured value, ignoring case. */
    public static MalformedDocumentBehavior parse(String value) {
        return ConfigEnums.parse(MalformedDocumentBehavior.class, value);
    }

    /** A validator that accepts the lower-case names in any case and names the key when it rejects one. */
    public static ConfigDef.Validator validator() {
        return ConfigEnums.validator(MalformedDocumentBehavior.class);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
