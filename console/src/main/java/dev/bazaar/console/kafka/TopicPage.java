package dev.bazaar.console.kafka;

import java.util.List;

/**
 * Which slice of a name-ordered topic list a page shows ({@code page} from 1, {@code size} topics a
 * page): Kafka is asked about the topics of that slice only.
 */
public record TopicPage(int number, int size) {

    /** Topics a page unless the request says otherwise. */
    public static final int DEFAULT_SIZE = 100;
    /** The most topics one page may ask about. */
    public static final int MAX_SIZE = 1_000;

    public TopicPage {
        if (number < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + number);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be within 1.." + MAX_SIZE + ", was " + size);
        }
    }

    /** The slice of {@code all} this page shows; empty past the last page. */
    public <T> List<T> of(List<T> all) {
        long from = (long) (number - 1) * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** How many pages {@code total} topics fill (at least one, empty as it may be). */
    public int pages(int total) {
        return Math.max(1, (total + size - 1) / size);
    }

    /** Position of this page's first topic in the whole list, from 1. */
    public long first() {
        return (long) (number - 1) * size + 1;
    }
}
