package dev.bazaar.bench;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces at a fixed rate (not as fast as it can), so that latency is measured at a load the
 * pipeline sustains; each record's timestamp is its send time.
 */
final class PacedProducer {

    private PacedProducer() {
    }

    /** Sends {@code count} records to {@code topic} at {@code perSecond}, keys {@code prefix-n}, values cycling {@code values}. */
    static void send(Properties client, String topic, String prefix, int count, int perSecond, List<byte[]> values)
            throws Exception {
        Properties props = new Properties();
        props.putAll(client);
        props.put("acks", "all");
        props.put("linger.ms", "0");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long start = System.nanoTime();
            for (int n = 0; n < count; n++) {
                long due = start + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), prefix + "-" + n,
                        values.get(n % values.size())));
            }
            producer.flush();
        }
    }

    /** Sends {@code count} records as fast as acks allow (to fill a topic before a throughput run). */
    static void fill(Properties client, String topic, String prefix, int count, List<byte[]> values) throws Exception {
        Properties props = new Properties();
        props.putAll(client);
        props.put("acks", "all");
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int n = 0; n < count; n++) {
                producer.send(new ProducerRecord<>(topic, prefix + "-" + n, values.get(n % values.size())));
            }
            producer.flush();
        }
    }
}
