package dev.bazaar.dedup;

/** What the de-duplicator decided about one record: the first copy it saw within the retention, or a later one. */
public record Decision<V>(V value, boolean duplicate) {

    static <V> Decision<V> first(V value) {
        return new Decision<>(value, false);
    }

    static <V> Decision<V> copy(V value) {
        return new Decision<>(value, true);
    }
}
