package dev.bazaar.client.recommend;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest recommendations of every customer, materialised from the compacted
 * {@code recommendations} topic: a record replaces a customer's entry, a tombstone removes it. A
 * reader may wait for a customer who has none yet; every change wakes the waiters.
 */
public final class RecommendationsStore {

    private final Map<String, Recommendations> byCustomer = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int waiting;

    /**
     * Applies one record of the topic: a value replaces the customer's recommendations, a null
     * value (a tombstone) removes the customer.
     *
     * @throws IllegalArgumentException when the value cannot be read; the store is unchanged
     */
    public void apply(String customer, byte[] value) {
        if (value == null) {
            remove(customer);
        } else {
            put(customer, RecommendationsDecoder.decode(value));
        }
    }

    /** Stores {@code recommendations} as the latest of {@code customer}. */
    public void put(String customer, Recommendations recommendations) {
        lock.lock();
        try {
            byCustomer.put(customer, recommendations);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code customer} (a tombstone). */
    public void remove(String customer) {
        lock.lock();
        try {
            byCustomer.remove(customer);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Optional<Recommendations> get(String customer) {
        lock.lock();
        try {
            return Optional.ofNullable(byCustomer.get(customer));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The recommendations of {@code customer}, waiting up to {@code wait} for them to arrive;
     * empty when there are none by then.
     */
    public Optional<Recommendations> await(String customer, Duration wait) throws InterruptedException {
        long remaining = wait.toNanos();
        lock.lock();
        try {
            waiting++;
            try {
                Recommendations found = byCustomer.get(customer);
                while (found == null && remaining > 0) {
                    remaining = changed.awaitNanos(remaining);
                    found = byCustomer.get(customer);
                }
                return Optional.ofNullable(found);
            } finally {
                waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many customers have recommendations. */
    public int size() {
        lock.lock();
        try {
            return byCustomer.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many readers are waiting for a customer right now. */
    public int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }
}
