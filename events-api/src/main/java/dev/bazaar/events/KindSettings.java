package dev.bazaar.events;

import dev.bazaar.events.ingest.KindSchema;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the kinds' settings ({@code events.kinds.<kind>.key-fields}) from Micronaut's environment into
 * {@link KeyFields}, and checks each kind's key fields against its registered schema once that is read.
 */
final class KindSettings {

    private KindSettings() {
    }

    /** Every kind's key fields: the configured ones, the defaults for the others. */
    static KeyFields read(Environment environment) {
        Map<String, Map<String, List<String>>> configured = new LinkedHashMap<>();
        for (String kind : environment.getPropertyEntries(KeyFields.PREFIX)) {
            Map<String, List<String>> settings = new LinkedHashMap<>();
            for (String setting : environment.getPropertyEntries(KeyFields.PREFIX + "." + kind)) {
                settings.put(setting, environment.getProperty(KeyFields.PREFIX + "." + kind + "." + setting,
                        Argument.listOf(String.class)).orElse(List.of()));
            }
            configured.put(kind, settings);
        }
        return KeyFields.of(configured);
    }

    /**
     * The key fields of {@code kind}, each one a property its schema declares: a field the schema does
     * not know is most likely a typo, which would refuse every event as missing it.
     */
    static List<String> checkedAgainst(KeyFields keyFields, EventKind kind, KindSchema schema) {
        List<String> fields = keyFields.of(kind);
        for (String field : fields) {
            if (!schema.declares(field)) {
                throw new IllegalArgumentException("invalid setting " + KeyFields.key(kind) + "=" + fields + ": field '"
                        + field + "' is not a property of the schema " + schema.subject() + " (id " + schema.id()
                        + "); declare it in setup/schemas/events/" + kind.id() + ".json first");
            }
        }
        return fields;
    }
}
