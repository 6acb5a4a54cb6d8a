package dev.bazaar.hdfs.loader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;

/** Order records as the worker hands them to the task after RegistryJsonConverter: the JSON bytes. */
final class TestRecords {

    static final Instant AT = Instant.parse("2026-11-23T09:15:00Z");

    private TestRecords() {
    }

    static SinkRecord order(int partition, long offset, String customer) {
        return record(partition, offset, orderJson("o-" + partition + "-" + offset, customer));
    }

    static String orderJson(String orderId, String customer) {
        return "{\"orderId\":\"" + orderId + "\",\"customer\":\"" + customer + "\",\"storeId\":\"store-1\","
                + "\"items\":[{\"productId\":\"p-1\",\"quantity\":1,\"unitPrice\":{\"amount\":10.5,\"currency\":\"RUB\"}}],"
                + "\"total\":{\"amount\":10.5,\"currency\":\"RUB\"},\"state\":\"created\","
                + "\"createdAt\":\"2026-11-22T23:30:00Z\",\"updatedAt\":\"2026-11-22T23:30:00Z\"}";
    }

    static SinkRecord record(int partition, long offset, String json) {
        return new SinkRecord("orders", partition, Schema.STRING_SCHEMA, "key-" + offset, Schema.OPTIONAL_BYTES_SCHEMA,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), offset, AT.toEpochMilli(),
                TimestampType.CREATE_TIME);
    }
}
