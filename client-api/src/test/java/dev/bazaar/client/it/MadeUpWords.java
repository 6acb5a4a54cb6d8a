package dev.bazaar.client.it;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up words, in Latin or Cyrillic letters, for the items of one test run: the build's one
 * platform indexes the items of every module (thousands of dumbbells, generated catalogs), so only a
 * word that no other item carries makes a search find exactly the run's own items.
 */
final class MadeUpWords {

    private static final String LATIN = "abcdefghijklmnopqrstuvwxyz";
    private static final String CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя";
    /** Letters per word: no real word, nor another made-up one, is within the search's two fuzzy edits. */
    private static final int LENGTH = 10;

    private MadeUpWords() {
    }

    /** A new word of Latin letters. */
    static String latin() {
        return word(LATIN);
    }

    /** A new word of Cyrillic letters. */
    static String cyrillic() {
        return word(CYRILLIC);
    }

    /** {@code word} mistyped: its fourth letter left out, one edit, which the fuzzy search forgives. */
    static String typo(String word) {
        return word.substring(0, 3) + word.substring(4);
    }

    private static String word(String letters) {
        StringBuilder word = new StringBuilder(LENGTH);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < LENGTH; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }
}
