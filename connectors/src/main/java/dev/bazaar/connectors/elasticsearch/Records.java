package dev.bazaar.connectors.elasticsearch;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * How the task names a record's place in Kafka: by the topic, partition and offset it was consumed
 * from, before any transformation renamed it, because those are the offsets Connect commits.
 */
final class Records {

    private Records() {
    }

    /** {@code topic-partition@offset}, for log lines and errors; never the record's content. */
    static String coordinates(SinkRecord record) {
        return record.originalTopic() + "-" + record.originalKafkaPartition() + "@" + record.originalKafkaOffset();
    }

    static TopicPartition partition(SinkRecord record) {
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }

    static long offset(SinkRecord record) {
        return record.originalKafkaOffset();
    }
}
