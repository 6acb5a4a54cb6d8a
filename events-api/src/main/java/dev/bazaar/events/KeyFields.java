package dev.bazaar.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields form the de-duplication key of each event kind ({@code events.kinds.<kind>.key-fields},
 * defaults from {@link EventKind#defaultKeyFields()}), checked at start so that a typo stops the service
 * naming the key rather than keying every event by the wrong fields. Changing them changes the keys:
 * copies sent before and after the change no longer meet.
 */
public final class KeyFields {

    /** The configuration prefix of the kinds' settings. */
    public static final String PREFIX = "events.kinds";
    /** The one setting a kind has. */
    public static final String KEY_FIELDS = "key-fields";

    private final Map<EventKind, List<String>> fields;

    private KeyFields(Map<EventKind, List<String>> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** Every kind with its default key fields. */
    public static KeyFields defaults() {
        return of(Map.of());
    }

    /**
     * The key fields from configuration: {@code configured} maps each name under {@value #PREFIX} to its
     * settings (setting name to value, a list for {@value #KEY_FIELDS}); a kind not named keeps its defaults.
     *
     * @throws IllegalArgumentException naming the key, for an unknown kind or setting, no field, a blank or repeated one
     */
    public static KeyFields of(Map<String, Map<String, List<String>>> configured) {
        Map<EventKind, List<String>> fields = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            fields.put(kind, kind.defaultKeyFields());
        }
        configured.forEach((name, settings) -> {
            EventKind kind = EventKind.ofConfigName(name).orElseThrow(() -> invalid(PREFIX + "." + name, settings,
                    "unknown event kind '" + name + "'; the kinds are " + EventKind.names()));
            String key = PREFIX + "." + name + "." + KEY_FIELDS;
            Set<String> unknown = new HashSet<>(settings.keySet());
            unknown.remove(KEY_FIELDS);
            if (!unknown.isEmpty()) {
                throw invalid(PREFIX + "." + name + "." + unknown.iterator().next(), "...",
                        "unknown setting; a kind has only " + KEY_FIELDS);
            }
            fields.put(kind, checked(key, settings.get(KEY_FIELDS)));
        });
        return new KeyFields(fields);
    }

    /** The key fields of {@code kind}, in the order they enter the key. */
    public List<String> of(EventKind kind) {
        return fields.get(kind);
    }

    /** The configuration key of {@code kind}'s key fields, for messages. */
    public static String key(EventKind kind) {
        return PREFIX + "." + kind.id() + "." + KEY_FIELDS;
    }

    private static List<String> checked(String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw invalid(key, values, "name at least one field");
        }
        Set<String> seen = new HashSet<>();
        for (String field : values) {
            if (field == null || field.isBlank() || !field.equals(field.strip())) {
                throw invalid(key, values, "a field name is blank or has spaces around it: '" + field + "'");
            }
            if (!seen.add(field)) {
                throw invalid(key, values, "field '" + field + "' is named twice");
            }
        }
        return List.copyOf(values);
    }

    private static IllegalArgumentException invalid(String key, Object value, String why) {
        return new IllegalArgumentException("invalid setting " + key + "=" + value + ": " + why);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
