package dev.bazaar.shop.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Orders of a set of customers over catalog products: seeded, so a run can be repeated exactly. */
public final class OrderGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATES = List.of("created", "paid", "paid", "shipped", "delivered");

    private final List<ObjectNode> products;
    private final List<String> customers;
    private final SplittableRandom random;
    private final String runId;

    public OrderGenerator(List<ObjectNode> products, List<String> customers, long seed) {
        if (products.isEmpty() || customers.isEmpty()) {
            throw new IllegalArgumentException("orders need at least one product and one customer");
        }
        this.products = List.copyOf(products);
        this.customers = List.copyOf(customers);
        this.random = new SplittableRandom(seed);
        this.runId = Long.toString(Math.abs(seed % 1_000_000), 36);
    }

    /** The {@code n}-th order (0-based) of this run, placed at {@code now}. */
    public ObjectNode order(int n, Instant now) {
        ObjectNode first = products.get(random.nextInt(products.size()));
        ArrayNode lines = JSON.createArrayNode();
        BigDecimal total = BigDecimal.ZERO;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            ObjectNode product = i == 0 ? first : sameStore(first);
            int quantity = 1 + random.nextInt(3);
            BigDecimal price = product.path("price").path("amount").decimalValue();
            lines.add(JSON.createObjectNode().put("productId", product.path("productId").asText()).put("quantity", quantity)
                    .set("unitPrice", money(price)));
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        String at = now.toString();
        ObjectNode order = JSON.createObjectNode()
                .put("orderId", String.format(Locale.ROOT, "ord-%s-%06d", runId, n))
                .put("customer", customers.get(random.nextInt(customers.size())))
                .put("storeId", first.path("storeId").asText());
        order.set("items", lines);
        order.set("total", money(total.setScale(2, RoundingMode.HALF_UP)));
        return order.put("state", STATES.get(random.nextInt(STATES.size()))).put("createdAt", at).put("updatedAt", at);
    }

    private ObjectNode sameStore(ObjectNode first) {
        String store = first.path("storeId").asText();
        for (int tries = 0; tries < 20; tries++) {
            ObjectNode candidate = products.get(random.nextInt(products.size()));
            if (candidate.path("storeId").asText().equals(store)) {
                return candidate;
            }
        }
        return first;
    }

    private static JsonNode money(BigDecimal amount) {
        return JSON.createObjectNode().put("amount", amount).put("currency", "RUB");
    }
}
