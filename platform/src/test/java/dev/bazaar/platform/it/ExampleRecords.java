package dev.bazaar.platform.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Records for integration tests, built from the valid examples shipped with {@code setup/schemas/}. */
public final class ExampleRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleRecords() {
    }

    /** The valid example item with {@code productId} and {@code price}: valid against items.json. */
    public static ObjectNode item(String productId, double price) {
        try (InputStream in = ExampleRecords.class.getResourceAsStream("/bazaar/setup/schemas/examples/items.valid.json")) {
            ObjectNode item = (ObjectNode) JSON.readTree(in);
            item.put("productId", productId);
            ((ObjectNode) item.get("price")).put("amount", price);
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid example order with {@code orderId} and {@code customer}: valid against orders.json. */
    public static ObjectNode order(String orderId, String customer) {
        try (InputStream in = ExampleRecords.class.getResourceAsStream("/bazaar/setup/schemas/examples/orders.valid.json")) {
            ObjectNode order = (ObjectNode) JSON.readTree(in);
            order.put("orderId", orderId);
            order.put("customer", customer);
            return order;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
