package dev.bazaar.promo.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends a record promo cannot use to {@code dlq-promo}: key (as UTF-8 text) and value unchanged, headers saying why
 * ({@value #ERROR}) and where it was read ({@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}).
 * The stream goes on with the next record.
 */
final class DeadLetters {

    static final String ERROR = "bazaar.error";
    static final String TOPIC = "bazaar.source";
    static final String PARTITION = "bazaar.source.partition";
    static final String OFFSET = "bazaar.source.offset";

    private DeadLetters() {
    }

    static void send(ProcessorContext<String, Routed> context, Record<byte[], byte[]> record, String error) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Headers headers = record.headers().add(ERROR, bytes(error));
        context.recordMetadata().ifPresent(source -> headers.add(TOPIC, bytes(source.topic()))
                .add(PARTITION, bytes(Integer.toString(source.partition())))
                .add(OFFSET, bytes(Long.toString(source.offset()))));
        context.forward(new Record<>(key, Routed.dead(record.value()), record.timestamp(), headers));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
