package dev.bazaar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search texts a shopper would type, drawn from the indexed catalog itself so that common words come
 * up as often as the catalog has them: a word or two of an item's name (English or Russian), its
 * brand, brand and a name word, one of its tags (categories among them), and some words with one typo
 * that the search's fuzziness has to forgive. The same seed always draws the same texts.
 */
final class CatalogQueries {

    /** A word worth searching for: three letters or more (no sizes, units or numbers). */
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    /** Words this long get a typo; Elasticsearch's AUTO fuzziness forgives one edit from 3 letters on. */
    private static final int TYPO_MIN_LENGTH = 5;

    private final List<? extends JsonNode> items;

    CatalogQueries(List<? extends JsonNode> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no items to draw queries from");
        }
        this.items = items;
    }

    /** {@code count} search texts drawn with {@code seed}. */
    List<String> draw(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> queries = new ArrayList<>(count);
        while (queries.size() < count) {
            String query = query(items.get(rng.nextInt(items.size())), rng);
            if (!query.isBlank()) {
                queries.add(query);
            }
        }
        return queries;
    }

    /**
     * One text about {@code item}: 30 % a name word, 20 % two adjacent ones, 15 % the brand, 10 % brand
     * and a name word, 10 % a tag, 15 % a name or brand word with a typo.
     */
    private static String query(JsonNode item, SplittableRandom rng) {
        List<String> name = words(item.path("name").path(rng.nextBoolean() ? "en" : "ru").asText(""));
        String brand = item.path("brand").asText("");
        int dice = rng.nextInt(100);
        if (dice < 30 || name.size() < 2 && dice < 50) {
            return pick(name, rng);
        } else if (dice < 50) {
            int first = rng.nextInt(name.size() - 1);
            return name.get(first) + " " + name.get(first + 1);
        } else if (dice < 65) {
            return brand;
        } else if (dice < 75) {
            List<String> others = new ArrayList<>(name);
            others.removeAll(words(brand));
            return (brand + " " + pick(others, rng)).strip();
        } else if (dice < 85) {
            JsonNode tags = item.path("tags");
            return tags.isEmpty() ? brand : tags.get(rng.nextInt(tags.size())).asText("");
        }
        List<String> typable = new ArrayList<>(name);
        typable.addAll(words(brand));
        typable.removeIf(word -> word.length() < TYPO_MIN_LENGTH);
        return typable.isEmpty() ? brand : typo(pick(typable, rng), rng);
    }

    /**
     * {@code word} with one typo a shopper makes, past its first letter: a letter swapped with the
     * next, left out, or typed as another letter of the word. Words shorter than
     * {@value #TYPO_MIN_LENGTH} letters stay as they are.
     */
    static String typo(String word, SplittableRandom rng) {
        if (word.length() < TYPO_MIN_LENGTH) {
            return word;
        }
        int at = 1 + rng.nextInt(word.length() - 2);
        StringBuilder typed = new StringBuilder(word);
        switch (rng.nextInt(3)) {
            case 0 -> {
                if (word.charAt(at) == word.charAt(at + 1)) {
                    typed.deleteCharAt(at);
                } else {
                    typed.setCharAt(at, word.charAt(at + 1));
                    typed.setCharAt(at + 1, word.charAt(at));
                }
            }
            case 1 -> typed.deleteCharAt(at);
            default -> {
                char other = otherLetter(word, at, rng);
                if (other == word.charAt(at)) {
                    typed.deleteCharAt(at);
                } else {
                    typed.setCharAt(at, other);
                }
            }
        }
        return typed.toString();
    }

    /** A letter of {@code word} other than the one at {@code at}, so the typo stays in the word's alphabet. */
    private static char otherLetter(String word, int at, SplittableRandom rng) {
        String others = word.replace(String.valueOf(word.charAt(at)), "");
        return others.isEmpty() ? word.charAt(at) : others.charAt(rng.nextInt(others.length()));
    }

    /** The searchable words of {@code text}, lower-cased. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static String pick(List<String> words, SplittableRandom rng) {
        return words.isEmpty() ? "" : words.get(rng.nextInt(words.size()));
    }
}
