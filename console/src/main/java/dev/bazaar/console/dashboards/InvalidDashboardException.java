package dev.bazaar.console.dashboards;

/**
 * A file in the dashboards folder that is not a Grafana dashboard the console can draw; the message
 * names the file and the field, so whoever edited it knows what to fix.
 */
public final class InvalidDashboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidDashboardException(String message) {
        super(message);
    }

    public InvalidDashboardException(String message, Throwable cause) {
        super(message, cause);
    }
}
