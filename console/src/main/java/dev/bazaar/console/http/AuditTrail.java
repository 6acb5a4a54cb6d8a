package dev.bazaar.console.http;

import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.AuditLog;
import dev.bazaar.console.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a change made through the console on the audit topic; when the record cannot be written the
 * change still stands (it was made), and the page says the audit record is missing — loudly, in the
 * log too — rather than hiding it.
 */
final class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private AuditTrail() {
    }

    /** Empty when recorded; otherwise the error to show in the page. */
    static String record(AuditLog audit, Session session, String action, String target, String detail,
            AuditLog.Outcome outcome) {
        try {
            audit.record(session.principal(), action, target, detail, outcome);
            return "";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("the audit record of {} {} {} ({}) could not be written", session.principal(), action, target,
                    outcome, e);
            return Page.error("The audit record of this change could not be written: " + e.getMessage());
        }
    }
}
