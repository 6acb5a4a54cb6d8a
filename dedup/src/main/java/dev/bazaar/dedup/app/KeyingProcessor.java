package dev.bazaar.dedup.app;

import dev.bazaar.dedup.KeySource;
import dev.bazaar.dedup.UnkeyableRecordException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each record under its de-duplication key, keeping the key and value it came with. A record that
 * cannot be keyed goes on with a null key and {@value #ERROR} headers saying why and where it was read,
 * for the dead-letter topic — or, when the job has none, stops the app naming it: such a record is never
 * dropped silently, and never passed on as a first copy when nobody can tell whether it is one.
 */
final class KeyingProcessor implements Processor<byte[], byte[], Bytes, Keyed> {

    /** The header saying why a record could not be keyed; {@code .topic}, {@code .partition}, {@code .offset} say where. */
    static final String ERROR = "dedup.error";
    private static final Logger log = LoggerFactory.getLogger(KeyingProcessor.class);

    private final KeySource source;
    private final boolean deadLettering;
    private final AppMetrics metrics;
    private ProcessorContext<Bytes, Keyed> context;

    KeyingProcessor(KeySource source, boolean deadLettering, AppMetrics metrics) {
        this.source = source;
        this.deadLettering = deadLettering;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Bytes, Keyed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Keyed keyed = new Keyed(record.key(), record.value());
        byte[] key;
        try {
            key = source.keyOf(record.key(), record.value());
        } catch (UnkeyableRecordException e) {
            unkeyable(record, keyed, e);
            return;
        }
        context.forward(record.withKey(Bytes.wrap(key)).withValue(keyed));
    }

    private void unkeyable(Record<byte[], byte[]> record, Keyed keyed, UnkeyableRecordException e) {
        metrics.unkeyable();
        String where = context.recordMetadata().map(KeyingProcessor::where).orElse("a record");
        if (!deadLettering) {
            throw new UnkeyableRecordException(where + " cannot be keyed: " + e.getMessage() + " (no dead-letter topic "
                    + "is set, so the app stops rather than lose the record or pass it on unchecked)", e);
        }
        log.trace("{} cannot be keyed, to the dead-letter topic: {}", where, e.getMessage());
        context.forward(record.<Bytes>withKey(null).withValue(keyed).withHeaders(errorHeaders(record.headers(), e.getMessage())));
    }

    private Headers errorHeaders(Headers original, String reason) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(ERROR, utf8(reason));
        context.recordMetadata().ifPresent(metadata -> {
            headers.add(ERROR + ".topic", utf8(metadata.topic()));
            headers.add(ERROR + ".partition", utf8(Integer.toString(metadata.partition())));
            headers.add(ERROR + ".offset", utf8(Long.toString(metadata.offset())));
        });
        return headers;
    }

    private static String where(RecordMetadata metadata) {
        return "record " + metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
