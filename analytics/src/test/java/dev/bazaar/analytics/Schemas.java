package dev.bazaar.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The platform's JSON Schemas as setup ships them ({@code bazaar/setup/schemas/} on the classpath), with a
 * draft-07 validator that also checks formats such as date-time: the same rules the registry enforces.
 */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    /** The schema file {@code name} (e.g. {@code recommendations.json}) as JSON. */
    public static JsonNode document(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/bazaar/setup/schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + name + " on the classpath (bazaar-setup)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code value} breaks of schema {@code name}, one message per violation; empty when it is valid. */
    public static List<String> violations(String name, JsonNode value) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(document(name), config);
        return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
