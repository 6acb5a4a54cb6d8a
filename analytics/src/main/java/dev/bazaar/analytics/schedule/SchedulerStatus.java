package dev.bazaar.analytics.schedule;

/**
 * What {@code GET /health} answers: the scheduler is up, how often it runs the job, how many runs
 * and failures it saw, whether a run is going, when the next is due and how the last one ended
 * (null before the first).
 */
public record SchedulerStatus(String status, String every, long runs, long failures, boolean running,
        String nextRunAt, LastRun lastRun) {
}
