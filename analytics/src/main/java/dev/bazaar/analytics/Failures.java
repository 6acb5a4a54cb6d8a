package dev.bazaar.analytics;

import java.util.LinkedHashSet;
import java.util.Set;

/** Reads an exception's cause chain for the messages a person can act on. */
final class Failures {

    private Failures() {
    }

    /** Whether {@code type} is in {@code e}'s cause chain. */
    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The distinct messages of the cause chain, outermost first, on one line. */
    static String messages(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()
                    && messages.stream().noneMatch(known -> known.contains(message.strip()))) {
                messages.add(message.strip().lines().findFirst().orElse(""));
            }
        }
        return messages.isEmpty() ? e.getClass().getName() : String.join(": ", messages);
    }
}
