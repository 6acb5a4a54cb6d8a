package dev.bazaar.events.ingest;

import java.nio.ByteBuffer;

/**
 * The schema registry's wire format of a record value: magic byte 0, the schema id as 4 bytes big
 * endian, then the JSON bytes, so that Confluent-style and Apicurio consumers (with contentId ids)
 * find the schema of each record.
 */
public final class WireFormat {

    public static final byte MAGIC = 0;
    public static final int HEADER_BYTES = 5;

    private WireFormat() {
    }

    /** {@code json[offset, offset + length)} framed with {@code schemaId}. */
    public static byte[] frame(int schemaId, byte[] json, int offset, int length) {
        return ByteBuffer.allocate(HEADER_BYTES + length).put(MAGIC).putInt(schemaId).put(json, offset, length).array();
    }

    /** The schema id of a framed value. */
    public static int schemaId(byte[] value) {
        if (value == null || value.length < HEADER_BYTES || value[0] != MAGIC) {
            throw new IllegalArgumentException("not a value in the registry wire format (magic byte 0, 4-byte id)");
        }
        return ByteBuffer.wrap(value, 1, 4).getInt();
    }
}
