package dev.bazaar.platform.it;

import java.util.ArrayList;
import java.util.List;

/** The causal chain of a failure, for asserting on the error a client really saw. */
final class Failures {

    private Failures() {
    }

    static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
