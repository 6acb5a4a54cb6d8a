package dev.bazaar.connectors.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Renders the configuration reference, {@code docs/elasticsearch-sink-config.md}, from
 * {@link ElasticsearchSinkConfig#CONFIG_DEF}, so the document cannot say other than the code.
 * A unit test fails when the committed file differs from what this renders.
 */
public final class ElasticsearchSinkConfigDocs {

    /** Where the reference lives, relative to the module directory. */
    public static final Path DEFAULT_OUTPUT = Path.of("docs", "elasticsearch-sink-config.md");

    private static final String PREAMBLE = """
            # Elasticsearch sink connector: configuration reference

            <!-- Generated from ElasticsearchSinkConfig by ElasticsearchSinkConfigDocs; do not edit by hand. -->

            Connector class: `dev.bazaar.connectors.elasticsearch.ElasticsearchSinkConnector`
            (plugin directory `connectors/target/plugin/bazaar-elasticsearch-sink`).

            Each record becomes one document in the index its topic maps to, with the record key as the
            document id: a value replaces the whole document (`index`), a tombstone deletes it. Values may be
            a `Map` (JsonConverter with `schemas.enable=false`), a `Struct`, or a `String`/`byte[]` holding a
            JSON object.

            Delivery: a task sends one bulk request at a time, so a later write for a key never overtakes an
            earlier one (there is deliberately no `max.in.flight.requests`: scale with `tasks.max` and
            partitions). An offset is committed only after the bulk requests holding every record before it
            were acknowledged; after a crash the same ids are written again, which is idempotent.

            Connect's own error handling applies to malformed documents: with
            `errors.tolerance=all` and `errors.deadletterqueue.topic.name` set, they go to the dead letter
            topic (with `errors.deadletterqueue.context.headers.enable=true` for the error headers) while the
            rest flows.
            """;

    private ElasticsearchSinkConfigDocs() {
    }

    /** Writes the reference to {@code args[0]}, or to {@link #DEFAULT_OUTPUT}. */
    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        Files.writeString(output, render(ElasticsearchSinkConfig.CONFIG_DEF), StandardCharsets.UTF_8);
        System.out.println("Wrote " + output.toAbsolutePath());
    }

    /** The Markdown reference of {@code def}, grouped as the keys are. */
    public static String render(ConfigDef def) {
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            String group = Objects.requireNonNullElse(key.group, "Other");
            renderKey(key, groups.computeIfAbsent(group, g -> new StringBuilder("\n## ").append(g).append('\n')));
        }
        StringBuilder out = new StringBuilder(PREAMBLE);
        groups.values().forEach(out::append);
        return out.toString();
    }

    private static void renderKey(ConfigDef.ConfigKey key, StringBuilder out) {
        out.append("\n### `").append(key.name).append("`\n\n")
                .append(key.documentation).append("\n\n")
                .append("| | |\n|---|---|\n")
                .append("| Type | ").append(key.type.toString().toLowerCase(Locale.ROOT)).append(" |\n")
                .append("| Default | ").append(defaultValue(key)).append(" |\n")
                .append("| Valid values | ").append(key.validator == null ? "any" : cell(key.validator.toString()))
                .append(" |\n")
                .append("| Importance | ").append(key.importance.toString().toLowerCase(Locale.ROOT)).append(" |\n");
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        if (value == null || value instanceof List<?> list && list.isEmpty() || "".equals(value)) {
            return "not set";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
