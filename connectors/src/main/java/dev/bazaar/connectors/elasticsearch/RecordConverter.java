package dev.bazaar.connectors.elasticsearch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a sink record into the write it stands for: the record key is the document id, a value
 * replaces the whole document, a tombstone deletes it (per {@code behavior.on.null.values}).
 */
final class RecordConverter {

    /** Elasticsearch rejects longer ids. */
    static final int MAX_ID_BYTES = 512;

    private final IndexRouter router;
    private final JsonDocuments documents;
    private final NullValueBehavior onNullValue;

    RecordConverter(IndexRouter router, JsonDocuments documents, NullValueBehavior onNullValue) {
        this.router = router;
        this.documents = documents;
        this.onNullValue = onNullValue;
    }

    /**
     * The write for {@code record}, or empty when the record is to be skipped (an ignored tombstone).
     *
     * @throws MalformedRecordException when the record has no usable key or its value is no JSON object
     * @throws ConnectException when a tombstone arrives and {@code behavior.on.null.values=fail}
     */
    Optional<DocumentAction> toAction(SinkRecord record) throws MalformedRecordException {
        if (record.value() == null && onNullValue == NullValueBehavior.IGNORE) {
            return Optional.empty();
        }
        if (record.value() == null && onNullValue == NullValueBehavior.FAIL) {
            throw new ConnectException("Tombstone at " + Records.coordinates(record) + " and "
                    + ElasticsearchSinkConfig.BEHAVIOR_ON_NULL_VALUES + "=" + onNullValue);
        }
        String id = documentId(record.key());
        String index = router.indexFor(record.topic());
        if (record.value() == null) {
            return Optional.of(new DocumentAction.Delete(index, id));
        }
        return Optional.of(new DocumentAction.Index(index, id, documents.toDocument(record.value())));
    }

    private static String documentId(Object key) throws MalformedRecordException {
        String id = switch (key) {
            case null -> throw new MalformedRecordException("the record has no key, and the key is the document id");
            case String text -> text;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case ByteBuffer buffer -> StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
            case Integer number -> number.toString();
            case Long number -> number.toString();
            default -> throw new MalformedRecordException(
                    "the key is a " + key.getClass().getName() + "; the document id needs a string key");
        };
        if (id.isBlank()) {
            throw new MalformedRecordException("the key is blank, and the key is the document id");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new MalformedRecordException(
                    "the key is longer than " + MAX_ID_BYTES + " bytes, too long for a document id");
        }
        return id;
    }
}
