package dev.bazaar.shop.catalog;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded picks from word lists; all randomness of the catalog goes through a caller's generator. */
final class Dice {

    private Dice() {
    }

    static <T> T one(List<T> choices, SplittableRandom rng) {
        return choices.get(rng.nextInt(choices.size()));
    }

    /** Two different elements of a list of at least two, in random order. */
    static <T> List<T> two(List<T> choices, SplittableRandom rng) {
        int first = rng.nextInt(choices.size());
        int second = (first + 1 + rng.nextInt(choices.size() - 1)) % choices.size();
        return List.of(choices.get(first), choices.get(second));
    }

    /** True with the given probability. */
    static boolean chance(double probability, SplittableRandom rng) {
        return rng.nextDouble() < probability;
    }
}
