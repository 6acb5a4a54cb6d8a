package dev.bazaar.analytics;

/**
 * A run that failed, with a message for the person who runs it (which address did not answer and
 * what to do) and the summary of what the run did before it failed.
 */
public final class JobFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RunSummary summary;

    JobFailure(String message, Throwable cause, RunSummary summary) {
        super(message, cause);
        this.summary = summary;
    }

    public RunSummary summary() {
        return summary;
    }
}
