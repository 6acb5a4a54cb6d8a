package dev.bazaar.console.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistrySubjects;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AclOperation;

/**
 * A message written through the console: its value must be JSON valid against the latest schema of
 * the topic's subject {@code <topic>-value} — the contract of every platform topic — and is framed as
 * the registry's serdes frame it (magic byte, schema id), then written as the user, so Kafka's ACLs
 * decide whether they may. A topic with no schema is refused: the console writes nothing unchecked.
 */
public final class ValidatedProducer {

    /** Where the message landed. */
    public record Written(int partition, long offset, int schemaId, String subject, String version) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Messages are typed into a form: a page's worth. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;

    private final RegistrySubjects registry;

    public ValidatedProducer(RegistrySubjects registry) {
        this.registry = registry;
    }

    /** Whether Kafka lets the user write {@code topic} (its authorized operations, as the user). */
    public static boolean mayWrite(UserClients kafka, String topic) throws InterruptedException, ExecutionException,
            TimeoutException {
        TopicDescription description = kafka.admin(Cluster.MAIN).describeTopics(List.of(topic),
                new DescribeTopicsOptions().includeAuthorizedOperations(true)).allTopicNames()
                .get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS).get(topic);
        Set<AclOperation> operations = description.authorizedOperations();
        return operations != null && (operations.contains(AclOperation.WRITE) || operations.contains(AclOperation.ALL));
    }

    /**
     * Validates {@code value} and writes it with {@code key} (none when blank).
     *
     * @throws IllegalArgumentException naming what is wrong: not JSON, too big, no schema, or each violation
     */
    public Written send(UserClients kafka, String topic, String key, String value)
            throws InterruptedException, ExecutionException, TimeoutException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("the value is " + bytes.length + " bytes; the console writes at most "
                    + MAX_VALUE_BYTES);
        }
        JsonNode json;
        try {
            json = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the value is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (json == null || json.isMissingNode()) {
            throw new IllegalArgumentException("the value is empty: type the message's JSON");
        }
        String subject = topic + "-value";
        RegistrySubjects.Latest schema;
        try {
            schema = registry.latest(subject, "the console writes only messages validated against their topic's schema");
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("topic " + topic + " has no schema to validate against: " + e.getMessage(), e);
        }
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema.schema());
        Set<ValidationMessage> violations = validator.validate(json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the value breaks the schema of " + subject + " (version "
                    + schema.version() + "): " + String.join("; ", violations.stream().map(ValidationMessage::getMessage)
                            .sorted().toList()));
        }
        byte[] compact = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] framed = ByteBuffer.allocate(5 + compact.length).put((byte) 0).putInt(schema.id()).put(compact).array();
        RecordMetadata written = kafka.producer().send(new ProducerRecord<>(topic, key == null || key.isBlank() ? null
                : key, framed)).get(kafka.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        return new Written(written.partition(), written.offset(), schema.id(), subject, schema.version());
    }
}
