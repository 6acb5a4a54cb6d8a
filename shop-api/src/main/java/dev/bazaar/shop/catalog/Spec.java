package dev.bazaar.shop.catalog;

import java.util.List;
import java.util.SplittableRandom;

/** A specification a whole category shares (e.g. RAM of a phone) with the values a product may take. */
record Spec(String key, List<Object> choices) {

    Spec {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("the specification " + key + " needs at least one value");
        }
    }

    /** Shorthand that keeps the catalog word lists readable; values are String, Integer, Double, Boolean or Text. */
    static Spec spec(String key, Object... choices) {
        return new Spec(key, List.of(choices));
    }

    Object pick(SplittableRandom rng) {
        return Dice.one(choices, rng);
    }
}
