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
import dev.bazaar.filter.ProductIds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            return cause instanceof UnknownProductException ? 2 : 1;
        });
        return commandLine;
    }

    RuntimeLayout layout() {
        return new RuntimeLayout(var);
    }

    static String productId(CommandSpec spec, String id) {
        if (!ProductIds.valid(id)) {
            throw new ParameterException(spec.commandLine(), "malformed product id '" + id + "': expected "
                    + ProductIds.PATTERN.pattern() + " as in the items schema");
        }
        return id;
    }

    /** A stop-list entry as the blocked-products schema has it: who blocked which product, when and why. */
    public static ObjectNode entry(String productId, String reason, String blockedBy, Instant blockedAt) {
        return JSON.createObjectNode().put("productId", productId).put("reason", reason).put("blockedBy", blockedBy)
                .put("blockedAt", blockedAt.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** Sends {@code value} (null: a tombstone) for {@code productId} and waits for the acknowledgement. */
    public static void send(RuntimeLayout layout, String productId, JsonNode value) throws Exception {
        Map<String, JsonNode> entry = new LinkedHashMap<>();
        entry.put(productId, value);
        send(layout, entry);
    }

    /** Sends each stop-list entry (a null value: a tombstone) in order and waits for all acknowledgements. */
    public static void send(RuntimeLayout layout, Map<String, JsonNode> entries) throws Exception {
        Properties props = KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, PRINCIPAL).clientProperties();
        props.put("acks", "all");
        props.put("max.block.ms", "15000");
        props.put("request.timeout.ms", "15000");
        props.put("delivery.timeout.ms", "30000");
        Map<String, Object> serde = new HashMap<>(RegistryConnection.resolve(System.getenv(), layout, RegistryUser.READONLY)
                .serdeConfig());
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(serde, false);
        try (KafkaProducer<String, JsonNode> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            entries.forEach((productId, value) ->
                    acks.add(producer.send(new ProducerRecord<>(Topics.BLOCKED_PRODUCTS, productId, value))));
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * What block and unblock share: the product id, checked against the items schema's rule, then
     * against what the running stream-filter has seen (unless {@code --force}).
     */
    abstract static class StopListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.ParentCommand
        FilterCli parent;

        @Parameters(paramLabel = "PRODUCT_ID")
        String productId;

        @Option(names = "--force", description = "Skip the check that stream-filter knows the product "
                + "(to block a product before it is published).")
        boolean force;

        @Option(names = "--filter-url", defaultValue = "${env:BAZAAR_STREAM_FILTER_URL}",
                description = "stream-filter to check the product with (default: the platform's).")
        String filterUrl;

        @Override
        public final Integer call() throws Exception {
            productId(spec, productId);
            validate();
            if (force) {
                return change(null);
            }
            ProductCheck.Product product = ProductCheck.of(filterUrl, parent.layout()).find(productId);
            if (!product.known() && !product.blocked()) {
                throw new UnknownProductException(productId, hint());
            }
            return change(product);
        }

        /** Applies the change; {@code product} is what the filter knows, or null under {@code --force}. */
        abstract int change(ProductCheck.Product product) throws Exception;

        abstract String hint();

        /** Checks the command's own options before anything is asked of the platform. */
        void validate() {
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "block", mixinStandardHelpOptions = true, description = "Block a product: it leaves filtered-items.")
    static final class Block extends StopListCommand {

        @Option(names = "--reason", defaultValue = "blocked by an operator", description = "Why (at most 500 characters).")
        String reason;

        @Override
        void validate() {
            if (reason.length() > 500) {
                throw new ParameterException(spec.commandLine(), "--reason is " + reason.length() + " characters, at most 500");
            }
        }

        @Override
        int change(ProductCheck.Product product) throws Exception {
            send(parent.layout(), productId, entry(productId, reason, System.getProperty("user.name", PRINCIPAL),
                    Instant.now()));
            out().printf("blocked %s: %s%s%n", product == null ? productId : product.describe(), reason,
                    product != null && product.blocked() ? " (it was blocked already; entry updated)" : "");
            return 0;
        }

        @Override
        String hint() {
            return " (check the id, or --force to block it before it is published)";
        }
    }

    @Command(name = "unblock", mixinStandardHelpOptions = true, description = "Unblock a product: its latest item returns.")
    static final class Unblock extends StopListCommand {

        @Override
        int change(ProductCheck.Product product) throws Exception {
            if (product != null && !product.blocked()) {
                out().printf("%s is not blocked; nothing changed%n", product.describe());
                return 0;
            }
            send(parent.layout(), productId, null);
            out().printf("unblocked %s%n", product == null ? productId : product.describe());
            return 0;
        }

        @Override
        String hint() {
            return " and it is not blocked (check the id)";
        }
    }
}
