package dev.bazaar.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline a Kafka Streams app is held against: a plain consume→produce loop with the same
 * guarantee (a transactional producer committing the consumer's offsets in each transaction,
 * read_committed input, acks=all) and the same commit cadence as Streams' exactly-once default (100 ms).
 * It copies each record, or writes what a {@link Step} makes of it (promo's baseline fans a campaign
 * out to its store's subscribers from a map).
 */
final class EosCopyLoop implements Runnable {

    /** What the loop writes for one record read. */
    @FunctionalInterface
    interface Step {
        List<ProducerRecord<String, byte[]>> apply(ConsumerRecord<String, byte[]> record);
    }

    private static final long COMMIT_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private final Properties client;
    private final String group;
    private final String input;
    private final Step step;
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** A loop that copies {@code input} to {@code output}: key, value and timestamp. */
    EosCopyLoop(Properties client, String group, String input, String output) {
        this(client, group, input, record -> List.of(new ProducerRecord<>(output, null, record.timestamp(),
                record.key(), record.value())));
    }

    /** A loop that writes what {@code step} makes of each record of {@code input}. */
    EosCopyLoop(Properties client, String group, String input, Step step) {
        this.client = client;
        this.group = group;
        this.input = input;
        this.step = step;
    }

    void stop() {
        running.set(false);
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                     new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(input));
            Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
            long began = 0;
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                if (!records.isEmpty() && pending.isEmpty()) {
                    producer.beginTransaction();
                    began = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    step.apply(record).forEach(producer::send);
                    pending.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!pending.isEmpty() && System.nanoTime() - began >= COMMIT_INTERVAL_NANOS) {
                    producer.sendOffsetsToTransaction(pending, consumer.groupMetadata());
                    producer.commitTransaction();
                    pending.clear();
                }
            }
            if (!pending.isEmpty()) {
                producer.sendOffsetsToTransaction(pending, consumer.groupMetadata());
                producer.commitTransaction();
            }
        }
    }

    private Properties consumerConfig() {
        Properties props = new Properties();
        props.putAll(client);
        props.put("group.id", group);
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        return props;
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.putAll(client);
        props.put("transactional.id", group);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        return props;
    }
}
