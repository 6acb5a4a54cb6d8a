package dev.bazaar.promo.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What promo tells Prometheus beyond the Streams client's own metrics: campaigns read, campaigns that had
 * already ended, notifications, repeats skipped (a notification that had gone out before), subscriber
 * changes, dead letters; and, from each task's last punctuation, the campaigns active and waiting for their start.
 */
public final class PromoMetrics {

    public static final String PREFIX = "promo";

    private final AtomicLong campaigns = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong subscriptionChanges = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final Map<String, int[]> campaignsByTask = new ConcurrentHashMap<>();

    void campaign() {
        campaigns.incrementAndGet();
    }

    void expired() {
        expired.incrementAndGet();
    }

    void notifications(int sent) {
        notifications.addAndGet(sent);
    }

    void repeatSkipped() {
        repeats.incrementAndGet();
    }

    void subscriptionChange() {
        subscriptionChanges.incrementAndGet();
    }

    void deadLetter() {
        deadLetters.incrementAndGet();
    }

    void campaigns(String task, int active, int pending) {
        campaignsByTask.put(task, new int[] {active, pending});
    }

    /** Forgets the campaign counts of the tasks this instance no longer runs (after a rebalance). */
    public void retainTasks(java.util.Set<String> tasks) {
        campaignsByTask.keySet().retainAll(tasks);
    }

    public long notifications() {
        return notifications.get();
    }

    /** Counter name to value. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(PREFIX + "_campaigns_total", campaigns.get());
        counters.put(PREFIX + "_campaigns_expired_total", expired.get());
        counters.put(PREFIX + "_notifications_total", notifications.get());
        counters.put(PREFIX + "_repeats_skipped_total", repeats.get());
        counters.put(PREFIX + "_subscription_changes_total", subscriptionChanges.get());
        counters.put(PREFIX + "_dead_letters_total", deadLetters.get());
        return counters;
    }

    /** Gauge name to value: campaigns active and waiting for their start, over this instance's tasks. */
    public Map<String, Double> gauges() {
        Map<String, Double> gauges = new LinkedHashMap<>();
        gauges.put(PREFIX + "_campaigns_active", (double) campaignsByTask.values().stream().mapToInt(c -> c[0]).sum());
        gauges.put(PREFIX + "_campaigns_pending", (double) campaignsByTask.values().stream().mapToInt(c -> c[1]).sum());
        return gauges;
    }
}
