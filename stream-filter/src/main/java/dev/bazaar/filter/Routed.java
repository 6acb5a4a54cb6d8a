package dev.bazaar.filter;

/** What the item processor decided for a record: where it goes, and its bytes. */
record Routed(boolean deadLetter, byte[] value) {

    static Routed forward(byte[] value) {
        return new Routed(false, value);
    }

    static Routed dead(byte[] value) {
        return new Routed(true, value);
    }
}
