package dev.bazaar.promo.topology;

/**
 * The keys of promo's stores: parts joined by U+0000, which no store, customer or campaign id may
 * hold (they are refused), so that a prefix scan of {@code store + SEPARATOR} finds exactly that
 * store's entries and nothing of a store whose id merely starts the same.
 */
final class Keys {

    static final char SEPARATOR = '\u0000';

    private Keys() {
    }

    static String of(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    /** The prefix of every key that starts with {@code parts}. */
    static String prefix(String... parts) {
        return of(parts) + SEPARATOR;
    }

    /** The last part of {@code key}. */
    static String last(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }
}
