package dev.bazaar.dedup;

import java.util.List;

/**
 * Where a record's de-duplication key comes from, read from the record's bytes as they are on the topic:
 * the record key ({@link #recordKey()}: a topic keyed by what makes two records copies, whose copies
 * already meet on one partition), or fields of its JSON value ({@link #valueFields}: plain JSON or the
 * registry wire format, told apart per record; copies may be on any partition). Shared by the generic
 * app and the consumer wrapper, so both key a record the same way.
 */
public interface KeySource {

    /** The 16-byte key of a record; {@link UnkeyableRecordException} saying why it has none. */
    byte[] keyOf(byte[] recordKey, byte[] value);

    /** Whether every copy of a record is on the partition of the first without repartitioning. */
    boolean copiesSharePartitions();

    /** The record key, as {@link DedupKey#ofRecordKey} makes it 16 bytes; a record without a key has none. */
    static KeySource recordKey() {
        return new RecordKey();
    }

    /** {@code fields} of the JSON value, as {@link DedupKey#of} hashes them. */
    static KeySource valueFields(List<String> fields) {
        return new ValueFields(fields);
    }

    /** See {@link KeySource#recordKey()}. */
    record RecordKey() implements KeySource {

        @Override
        public byte[] keyOf(byte[] recordKey, byte[] value) {
            try {
                return DedupKey.ofRecordKey(recordKey);
            } catch (IllegalArgumentException e) {
                throw new UnkeyableRecordException(e.getMessage(), e);
            }
        }

        @Override
        public boolean copiesSharePartitions() {
            return true;
        }
    }

    /** See {@link KeySource#valueFields}. */
    record ValueFields(List<String> fields) implements KeySource {

        public ValueFields {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("no key fields: name at least one");
            }
        }

        @Override
        public byte[] keyOf(byte[] recordKey, byte[] value) {
            try {
                return DedupKey.of(JsonValue.read(value), fields);
            } catch (DedupKey.MissingKeyField e) {
                throw new UnkeyableRecordException(e.getMessage(), e);
            }
        }

        @Override
        public boolean copiesSharePartitions() {
            return false;
        }
    }
}
