package dev.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.shop.catalog.CatalogGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogQueriesTest {

    private static final int SEARCHES = 2_000;
    private static final long SEED = 42L;

    private static List<ObjectNode> catalog;
    private static Set<String> vocabulary;

    @BeforeAll
    static void catalog() {
        catalog = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(CatalogGenerator.DEFAULT_SIZE);
        vocabulary = new HashSet<>();
        for (ObjectNode item : catalog) {
            vocabulary.addAll(CatalogQueries.words(item.path("name").path("en").asText()));
            vocabulary.addAll(CatalogQueries.words(item.path("name").path("ru").asText()));
            vocabulary.addAll(CatalogQueries.words(item.path("brand").asText()));
            for (JsonNode tag : item.path("tags")) {
                vocabulary.addAll(CatalogQueries.words(tag.asText()));
            }
        }
    }

    @Test
    void sameSeedDrawsTheSameTextsAndAnotherSeedOthers() {
        // given
        CatalogQueries queries = new CatalogQueries(catalog);

        // when
        List<String> first = queries.draw(SEARCHES, SEED);
        List<String> again = queries.draw(SEARCHES, SEED);
        List<String> other = queries.draw(SEARCHES, SEED + 1);

        // then
        assertThat(first).as("texts of seed %d", SEED).hasSize(SEARCHES).isEqualTo(again);
        assertThat(other).as("texts of another seed").isNotEqualTo(first);
    }

    @Test
    void textsAreWhatClientApiAcceptsAndComeFromTheCatalog() {
        // given
        CatalogQueries queries = new CatalogQueries(catalog);

        // when
        List<String> texts = queries.draw(SEARCHES, SEED);

        // then
        assertThat(texts).as("every text is 1-500 characters without surrounding blanks")
                .allSatisfy(text -> assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(500).isEqualTo(text.strip()));
        assertThat(texts).as("every word is a catalog word or one typo away from one")
                .allSatisfy(text -> assertThat(CatalogQueries.words(text))
                        .allSatisfy(word -> assertThat(vocabulary.contains(word) || oneTypoFromVocabulary(word))
                                .as("'%s' of '%s'", word, text).isTrue()));
    }

    @Test
    void theMixHasBrandsPairsAndTypos() {
        // given
        CatalogQueries queries = new CatalogQueries(catalog);
        Set<String> brands = new HashSet<>();
        catalog.forEach(item -> brands.add(item.path("brand").asText()));

        // when
        List<String> texts = queries.draw(SEARCHES, SEED);

        // then
        long brandOnly = texts.stream().filter(brands::contains).count();
        long severalWords = texts.stream().filter(text -> text.contains(" ")).count();
        long typos = texts.stream().filter(text -> CatalogQueries.words(text).stream()
                .anyMatch(word -> !vocabulary.contains(word))).count();
        assertThat(brandOnly).as("texts that are a brand (15 %% drawn)").isBetween(SEARCHES / 10L, SEARCHES / 5L);
        assertThat(severalWords).as("texts of two words or more (30 %% drawn, plus tags and brands of two)")
                .isBetween(SEARCHES / 5L, SEARCHES / 2L);
        assertThat(typos).as("texts with a typo (15 %% drawn)").isBetween(SEARCHES / 10L, SEARCHES / 5L);
    }

    @Test
    void aTypoIsOneEditPastTheFirstLetter() {
        // given
        SplittableRandom rng = new SplittableRandom(SEED);
        List<String> words = List.of("atletika", "коврик", "sneakers", "кроссовки", "glass", "aaaaaa");

        for (String word : words) {
            for (int n = 0; n < 50; n++) {
                // when
                String typed = CatalogQueries.typo(word, rng);

                // then
                assertThat(typed).as("typo of %s", word).isNotEqualTo(word).startsWith(word.substring(0, 1));
                assertThat(editDistance(word, typed)).as("edits from %s to %s", word, typed).isEqualTo(1);
            }
        }
    }

    @Test
    void shortWordsKeepTheirSpelling() {
        // given
        SplittableRandom rng = new SplittableRandom(SEED);

        // when
        String typed = CatalogQueries.typo("mat", rng);

        // then
        assertThat(typed).as("a word too short for fuzziness to forgive a typo").isEqualTo("mat");
    }

    @Test
    void wordsAreLettersOnlyLowerCased() {
        // when
        List<String> english = CatalogQueries.words("Atletika Yoga Mat, 10 mm");
        List<String> russian = CatalogQueries.words("Коврик для йоги Atletika, 10 мм");

        // then
        assertThat(english).as("words of an English name").containsExactly("atletika", "yoga", "mat");
        assertThat(russian).as("words of a Russian name").containsExactly("коврик", "для", "йоги", "atletika");
    }

    private static boolean oneTypoFromVocabulary(String word) {
        return vocabulary.stream().anyMatch(known -> editDistance(known, word.toLowerCase(Locale.ROOT)) == 1);
    }

    /** Edits (insert, delete, substitute, swap of neighbours) from {@code a} to {@code b}: optimal string alignment. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
