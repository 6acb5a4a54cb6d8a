package dev.bazaar.filter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bazaar filter block|unblock|list}: edits and shows the stop-list as principal {@code ops},
 * the only one allowed to write it. Blocking twice is harmless; a tombstone unblocks.
 */
@Command(name = "filter", mixinStandardHelpOptions = true, description = "Edit and show the stop-list of blocked products.",
        subcommands = {FilterCli.Block.class, FilterCli.Unblock.class, ListCommand.class})
public final class FilterCli {

    static final String PRINCIPAL = "ops";
    /** The product id rule of the items schema. */
    static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,63}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Held strongly: the registry client's notices about its Vert.x instance are not for the user. */
    private static final java.util.logging.Logger REGISTRY_CLIENT_LOG = java.util.logging.Logger.getLogger("io.apicurio");

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}", scope = CommandLine.ScopeType.INHERIT,
            description = "Runtime folder of the platform.")
    Path var;

    public static void main(String[] args) {
        REGISTRY_CLIENT_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** The command line; a failure prints its message (exit 1), not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FilterCli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            cmd.getErr().println("bazaar filter " + cmd.getCommandName() + ": " + cause.getMessage());
            return 1;
        });
        return commandLine;
    }

    RuntimeLayout layout() {
        return new RuntimeLayout(var);
    }

    static String productId(CommandSpec spec, String id) {
        if (!PRODUCT_ID.matcher(id).matches()) {
            throw new ParameterException(spec.commandLine(), "malformed product id '" + id + "': expected "
                    + PRODUCT_ID.pattern() + " as in the items schema");
        }
        return id;
    }

    /** Sends {@code value} (null: a tombstone) for {@code productId} and waits for the acknowledgement. */
    public static RecordMetadata send(RuntimeLayout layout, String productId, JsonNode value) throws Exception {
        Properties props = KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, PRINCIPAL).clientProperties();
        props.put("acks", "all");
        props.put("max.block.ms", "15000");
        props.put("request.timeout.ms", "15000");
        props.put("delivery.timeout.ms", "30000");
        Map<String, Object> serde = new HashMap<>(RegistryConnection.embedded(layout, RegistryUser.READONLY).serdeConfig());
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(serde, false);
        try (KafkaProducer<String, JsonNode> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
            return producer.send(new ProducerRecord<>(Topics.BLOCKED_PRODUCTS, productId, value)).get(60, TimeUnit.SECONDS);
        }
    }

    /** What block and unblock share: the product id, checked against the items schema's rule first. */
    abstract static class StopListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.ParentCommand
        FilterCli parent;

        @Parameters(paramLabel = "PRODUCT_ID")
        String productId;

        @Override
        public final Integer call() throws Exception {
            productId(spec, productId);
            return change();
        }

        abstract int change() throws Exception;
    }

    @Command(name = "block", mixinStandardHelpOptions = true, description = "Block a product: it leaves filtered-items.")
    static final class Block extends StopListCommand {

        @Option(names = "--reason", defaultValue = "blocked by an operator", description = "Why (at most 500 characters).")
        String reason;

        @Override
        int change() throws Exception {
            if (reason.length() > 500) {
                throw new ParameterException(spec.commandLine(), "--reason is " + reason.length() + " characters, at most 500");
            }
            ObjectNode entry = JSON.createObjectNode().put("productId", productId).put("reason", reason)
                    .put("blockedBy", System.getProperty("user.name", PRINCIPAL))
                    .put("blockedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            send(parent.layout(), productId, entry);
            spec.commandLine().getOut().printf("blocked %s (%s)%n", productId, reason);
            return 0;
        }
    }

    @Command(name = "unblock", mixinStandardHelpOptions = true, description = "Unblock a product: its latest item returns.")
    static final class Unblock extends StopListCommand {

        @Override
        int change() throws Exception {
            send(parent.layout(), productId, null);
            spec.commandLine().getOut().printf("unblocked %s%n", productId);
            return 0;
        }
    }
}
