package dev.bazaar.events.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.events.EventKind;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Random;

/**
 * What {@code events send} sends, decided before the first request: {@code count} events of which
 * exactly {@code duplicates} are byte-for-byte re-sends of an event that comes earlier in the plan
 * (never the first), so that the expected unique count is known exactly: {@code count - duplicates}.
 * Events are made when sent, each from its own seed, so a plan of millions holds only their order.
 */
final class SendPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventKind kind;
    private final long seed;
    private final Instant start;
    private final BitSet copies;
    private final int[] original;
    private final ThreadLocal<SampleEvents> samples = ThreadLocal.withInitial(SampleEvents::new);

    private SendPlan(EventKind kind, long seed, Instant start, BitSet copies, int[] original) {
        this.kind = kind;
        this.seed = seed;
        this.start = start;
        this.copies = copies;
        this.original = original;
    }

    /**
     * {@code count} events of {@code kind}, a share {@code duplicateRatio} (0 to below 1) of them copies,
     * rounded to the nearest whole event; the first event happened at {@code start}, each next one a
     * microsecond later.
     */
    static SendPlan of(EventKind kind, int count, double duplicateRatio, long seed, Instant start) {
        Random random = new Random(seed);
        int duplicates = Math.min(count - 1, (int) Math.round(count * duplicateRatio));
        BitSet copies = new BitSet(count);
        // exactly `duplicates` positions among 1..count-1 (Floyd's sampling)
        for (int j = count - duplicates; j < count; j++) {
            int position = 1 + random.nextInt(j);
            copies.set(copies.get(position) ? j : position);
        }
        int[] original = new int[count];
        for (int i = 0; i < count; i++) {
            original[i] = copies.get(i) ? pick(copies, random, i) : i;
        }
        return new SendPlan(kind, seed, start.truncatedTo(ChronoUnit.MICROS), copies, original);
    }

    /** A position before {@code before} that is not a copy, chosen at random (position 0 never is one). */
    private static int pick(BitSet copies, Random random, int before) {
        int position = random.nextInt(before);
        while (copies.get(position)) {
            position--;
        }
        return position;
    }

    int size() {
        return original.length;
    }

    EventKind kind() {
        return kind;
    }

    /** The bytes of the event at {@code index}: a copy is its original's, byte for byte. */
    byte[] body(int index) {
        int made = original[index];
        try {
            return JSON.writeValueAsBytes(samples.get().make(kind, seed * 1_000_003L + made, start.plus(made,
                    ChronoUnit.MICROS)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a made event as JSON", e);
        }
    }

    /** Whether the event at {@code index} is a copy of an earlier one. */
    boolean copy(int index) {
        return copies.get(index);
    }

    /** The index of the event that the one at {@code index} copies (itself when it is not a copy). */
    int original(int index) {
        return original[index];
    }

    int duplicates() {
        return copies.cardinality();
    }

    int unique() {
        return size() - duplicates();
    }
}
