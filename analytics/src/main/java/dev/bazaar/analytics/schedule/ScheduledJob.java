package dev.bazaar.analytics.schedule;

import java.time.Instant;

/** One run of the job as the scheduler starts it; it reports failures in its result rather than throwing. */
@FunctionalInterface
public interface ScheduledJob {

    LastRun run(Instant startedAt);
}
