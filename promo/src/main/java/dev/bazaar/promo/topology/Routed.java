package dev.bazaar.promo.topology;

/** What a reading step hands on: a value for the next step, or the original value for the dead letters. */
record Routed(byte[] value, boolean deadLetter) {

    static Routed ok(byte[] value) {
        return new Routed(value, false);
    }

    static Routed dead(byte[] value) {
        return new Routed(value, true);
    }
}
