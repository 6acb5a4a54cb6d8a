package dev.bazaar.analytics;

/** Where a run reports each step as it finishes, one line each (the command prints them). */
@FunctionalInterface
public interface Progress {

    void step(String line);
}
