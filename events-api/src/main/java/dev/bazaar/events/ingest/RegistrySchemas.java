package dev.bazaar.events.ingest;

import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.events.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each kind's schema and id from the schema registry at start (the latest version of subject
 * {@code <topic>-<kind>}, whose {@code id} is the content id the platform's serdes frame records with).
 * A subject that is not registered stops the service, saying that setup registers it.
 */
public final class RegistrySchemas {

    private static final Logger log = LoggerFactory.getLogger(RegistrySchemas.class);

    private final RegistrySubjects subjects;

    public RegistrySchemas(RegistryConnection registry) {
        this.subjects = new RegistrySubjects(registry);
    }

    /** The schema of {@code kind} for records of {@code topic}, as the registry holds its latest version. */
    public KindSchema load(EventKind kind, String topic) {
        String subject = kind.subject(topic);
        RegistrySubjects.Latest latest = subjects.latest(subject, "'./bazaar setup apply' (run by './bazaar up') "
                + "registers setup/schemas/events/" + kind.id() + ".json under it");
        KindSchema schema = new KindSchema(kind, subject, latest.id(), latest.schema());
        log.info("event kind {}: schema {} version {} (id {}), date-time fields {}", kind, subject, latest.version(),
                latest.id(), schema.dateTimeFields());
        return schema;
    }
}
