package dev.bazaar.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every generated product is a valid item of the platform's {@code items.json} schema. */
class CatalogSchemaTest {

    private static final String RESOURCE = "bazaar/setup/schemas/items.json";
    private static final Path FILE = Path.of("..", "setup", "schemas", "items.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema items;

    @BeforeAll
    static void loadTheItemsSchema() throws IOException {
        items = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaText());
    }

    @Test
    void everyProductOfTheDefaultCatalogIsAValidItem() {
        // given
        List<ObjectNode> products =
                new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(CatalogGenerator.DEFAULT_SIZE);

        // when
        List<String> problems = problems(products);

        // then
        assertThat(problems).as("schema violations of the default catalog").isEmpty();
    }

    @Test
    void productsOfOtherSeedsAreValidToo() {
        // given
        List<ObjectNode> products = new ArrayList<>(new CatalogGenerator(1L).products(500));
        products.addAll(new CatalogGenerator(-42L).products(50));

        // when
        List<String> problems = problems(products);

        // then
        assertThat(problems).as("schema violations of catalogs from other seeds").isEmpty();
    }

    @Test
    void theValidatorDoesRejectABrokenProduct() {
        // given
        ObjectNode product = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(1).getFirst();
        product.remove("price");
        product.put("stock", -1);

        // when
        Set<ValidationMessage> messages = items.validate(product);

        // then
        assertThat(messages).as("violations of a product without price and with negative stock").hasSize(2);
    }

    private static List<String> problems(List<ObjectNode> products) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode product : products) {
            items.validate(product).forEach(message ->
                    problems.add(product.path("productId").asText() + ": " + message.getMessage()));
        }
        return problems;
    }

    /** From the bazaar-setup jar when it is on the classpath, else from the setup module next to this one. */
    private static JsonNode schemaText() throws IOException {
        try (InputStream in = CatalogSchemaTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return MAPPER.readTree(in);
            }
        }
        assertThat(FILE).as("items.json, neither on the classpath as %s nor at %s", RESOURCE, FILE.toAbsolutePath())
                .isRegularFile();
        return MAPPER.readTree(Files.readString(FILE));
    }
}
