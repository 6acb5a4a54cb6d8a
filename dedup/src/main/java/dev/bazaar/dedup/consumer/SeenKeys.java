package dev.bazaar.dedup.consumer;

import dev.bazaar.dedup.DedupKey;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The keys one partition has seen within the retention, in memory and compact: three {@code long}s per
 * slot (the 16-byte key and the timestamp of its first copy), open addressing at most half full, about
 * 50 to 100 bytes per key remembered. A key is remembered until the partition's stream time — the largest
 * record timestamp seen — passes its timestamp plus the retention; expired keys are removed, and handed to
 * {@link Expiry}, whenever the table would otherwise grow, so memory follows the keys within the
 * retention, not every key ever seen.
 *
 * <p>Not thread-safe: one consumer thread owns it.
 */
final class SeenKeys {

    /** Told each key removed because it expired (to forget it in the keys topic too). */
    @FunctionalInterface
    interface Expiry {
        void expired(byte[] key);
    }

    private static final long EMPTY = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 16;

    private final long retention;
    private final Expiry expiry;
    private long[] high;
    private long[] low;
    private long[] time;
    private int size;
    private long streamTime = EMPTY;

    SeenKeys(Duration retention, Expiry expiry) {
        this.retention = retention.toMillis();
        this.expiry = expiry;
        allocate(MIN_CAPACITY);
    }

    /**
     * Whether {@code key} is a copy at {@code timestamp}: it was seen, and has not expired. When it is not,
     * it is remembered from now on with this timestamp. Stream time moves on to {@code timestamp} first.
     */
    boolean copy(byte[] key, long timestamp) {
        advance(timestamp);
        int slot = find(key);
        if (slot >= 0 && live(time[slot])) {
            return true;
        }
        put(key, timestamp);
        return false;
    }

    /** Remembers {@code key} first seen at {@code timestamp}, as a restore reads it back. */
    void restore(byte[] key, long timestamp) {
        advance(timestamp);
        put(key, timestamp);
    }

    /** Forgets {@code key} (a tombstone read back). */
    void remove(byte[] key) {
        int slot = find(key);
        if (slot >= 0) {
            delete(slot);
        }
    }

    /** The keys held, expired or not (expired ones leave at the next purge). */
    int size() {
        return size;
    }

    /** The largest timestamp seen. */
    long streamTime() {
        return streamTime;
    }

    /** Removes every expired key now, telling {@link Expiry} of each. */
    void purge() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldTime = time;
        allocate(capacityFor(liveCount()));
        size = 0;
        for (int i = 0; i < oldTime.length; i++) {
            if (oldTime[i] == EMPTY) {
                continue;
            }
            if (live(oldTime[i])) {
                insert(oldHigh[i], oldLow[i], oldTime[i]);
            } else {
                expiry.expired(bytes(oldHigh[i], oldLow[i]));
            }
        }
    }

    private void put(byte[] key, long timestamp) {
        int slot = find(key);
        if (slot >= 0) {
            time[slot] = timestamp;
            return;
        }
        if (2 * (size + 1) > time.length) {
            purge();
            if (4 * (size + 1) > time.length) {
                grow();
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(check(key));
        insert(buffer.getLong(), buffer.getLong(), timestamp);
    }

    private void insert(long h, long l, long timestamp) {
        int slot = home(h, l);
        while (time[slot] != EMPTY) {
            slot = (slot + 1) & (time.length - 1);
        }
        high[slot] = h;
        low[slot] = l;
        time[slot] = timestamp;
        size++;
    }

    private int find(byte[] key) {
        ByteBuffer buffer = ByteBuffer.wrap(check(key));
        long h = buffer.getLong();
        long l = buffer.getLong();
        int slot = home(h, l);
        while (time[slot] != EMPTY) {
            if (high[slot] == h && low[slot] == l) {
                return slot;
            }
            slot = (slot + 1) & (time.length - 1);
        }
        return -1;
    }

    /** Removes the key in {@code slot}, moving later keys of its probe run back so none is lost to a gap. */
    private void delete(int slot) {
        int mask = time.length - 1;
        int gap = slot;
        int next = slot;
        while (true) {
            next = (next + 1) & mask;
            if (time[next] == EMPTY) {
                break;
            }
            int home = home(high[next], low[next]);
            boolean staysPut = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!staysPut) {
                high[gap] = high[next];
                low[gap] = low[next];
                time[gap] = time[next];
                gap = next;
            }
        }
        time[gap] = EMPTY;
        size--;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldTime = time;
        allocate(oldTime.length * 2);
        size = 0;
        for (int i = 0; i < oldTime.length; i++) {
            if (oldTime[i] != EMPTY) {
                insert(oldHigh[i], oldLow[i], oldTime[i]);
            }
        }
    }

    private int liveCount() {
        int live = 0;
        for (long t : time) {
            live += t != EMPTY && live(t) ? 1 : 0;
        }
        return live;
    }

    private static int capacityFor(int keys) {
        int capacity = MIN_CAPACITY;
        while (capacity < 4 * keys) {
            capacity *= 2;
        }
        return capacity;
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        time = new long[capacity];
        java.util.Arrays.fill(time, EMPTY);
    }

    private void advance(long timestamp) {
        streamTime = Math.max(streamTime, timestamp);
    }

    private boolean live(long firstSeen) {
        return streamTime == EMPTY || firstSeen >= streamTime - retention;
    }

    private int home(long h, long l) {
        long mixed = (h ^ l) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & (time.length - 1);
    }

    private static byte[] check(byte[] key) {
        if (key.length != DedupKey.BYTES) {
            throw new IllegalArgumentException("a key is " + DedupKey.BYTES + " bytes, not " + key.length);
        }
        return key;
    }

    private static byte[] bytes(long h, long l) {
        return ByteBuffer.allocate(DedupKey.BYTES).putLong(h).putLong(l).array();
    }
}
