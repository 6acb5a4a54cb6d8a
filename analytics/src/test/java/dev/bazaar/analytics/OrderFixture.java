package dev.bazaar.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.analytics.catalog.Catalog;
import dev.bazaar.analytics.catalog.Product;
import dev.bazaar.analytics.compute.Period;
import dev.bazaar.analytics.orders.OrderFiles;
import dev.bazaar.analytics.orders.OrderReader;
import dev.bazaar.analytics.orders.Orders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A small, fixed shop: ten products in three categories (plus a knife the catalog lacks: it was
 * blocked), seven customers, and their order files in the HDFS sink's layout, including versions of
 * the same order, cancelled orders, orders older than the period, lines that are not valid orders,
 * and uncommitted files ({@code _tmp/}, {@code .…tmp}, {@code _SUCCESS}) that must not be read. The
 * expected results in the tests are worked out by hand from this data.
 */
public final class OrderFixture {

    /** The run's "now"; the period is the 30 days before it. */
    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    public static final Period PERIOD = Period.endingAt(NOW, Duration.ofDays(30));
    private static final String OLD = "2026-10-01T09:00:00Z";

    public static final String MAT = "yoga-mat";
    public static final String DUMBBELLS = "dumbbells";
    public static final String KETTLEBELL = "kettlebell";
    public static final String BOTTLE = "bottle";
    public static final String ROPE = "jump-rope";
    public static final String NOVEL = "novel";
    public static final String ATLAS = "atlas";
    public static final String PHONE = "phone";
    public static final String CABLE = "usb-cable";
    /** Blocked: sold in the period, but absent from the catalog. */
    public static final String KNIFE = "knife";
    /** In the catalog, but bought only in files that are not committed. */
    public static final String HIDDEN_GEM = "hidden-gem";
    /** In the catalog, never bought. */
    public static final String TENT = "tent";

    private static final Map<String, String> PRICES = Map.ofEntries(
            Map.entry(MAT, "1000.00"), Map.entry(DUMBBELLS, "2500.50"), Map.entry(KETTLEBELL, "1800.00"),
            Map.entry(BOTTLE, "300.25"), Map.entry(ROPE, "450.00"), Map.entry(NOVEL, "500.00"),
            Map.entry(ATLAS, "1200.00"), Map.entry(PHONE, "20000.00"), Map.entry(CABLE, "150.10"),
            Map.entry(KNIFE, "700.00"), Map.entry(HIDDEN_GEM, "99.00"));

    /** Committed files written, and lines in them that are not blank. */
    public static final int FILES = 9;
    public static final int LINES = 20;
    public static final int INVALID_LINES = 4;
    public static final int ORDERS = 13;
    public static final int CANCELLED = 2;
    public static final List<String> CUSTOMERS = List.of("Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Gina");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration shift;
    private final String customerPrefix;
    private final Map<String, String> files = new LinkedHashMap<>();

    private OrderFixture(Duration shift, String customerPrefix) {
        this.shift = shift;
        this.customerPrefix = customerPrefix;
        committed();
        uncommitted();
    }

    /** The fixture as of {@link #NOW}. */
    public static OrderFixture standard() {
        return new OrderFixture(Duration.ZERO, "");
    }

    /**
     * The fixture moved in time so that {@code now} plays the part of {@link #NOW} (for runs on the real
     * clock), every customer's name prefixed with {@code customerPrefix} (for runs on a platform that
     * other tests share: their customers keep their own recommendations).
     */
    public static OrderFixture asOf(Instant now, String customerPrefix) {
        return new OrderFixture(Duration.between(NOW, now.truncatedTo(ChronoUnit.SECONDS)), customerPrefix);
    }

    /** The name {@code customer} (one of {@link #CUSTOMERS}) has in this fixture's orders. */
    public String customer(String customer) {
        return customerPrefix + customer;
    }

    /** {@link #CUSTOMERS} as this fixture's orders name them. */
    public List<String> customers() {
        return CUSTOMERS.stream().map(this::customer).toList();
    }

    /** Every file, committed or not, by its path relative to the orders' root, with its content. */
    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    /** The storefront catalog: everything but the knife. */
    public static Catalog catalog() {
        return Catalog.of(products());
    }

    /** The catalog as it was before the knife was blocked. */
    public static Catalog catalogWithKnife() {
        List<Product> products = new ArrayList<>(products());
        products.add(new Product(KNIFE, "tools", "Knife", "Нож"));
        return Catalog.of(products);
    }

    private static List<Product> products() {
        return List.of(
                new Product(MAT, "sports", "Yoga mat", "Коврик для йоги"),
                new Product(DUMBBELLS, "sports", "Dumbbells", "Гантели"),
                new Product(KETTLEBELL, "sports", "Kettlebell", "Гиря"),
                new Product(BOTTLE, "sports", "Water bottle", "Бутылка для воды"),
                new Product(ROPE, "sports", "Jump rope", "Скакалка"),
                new Product(HIDDEN_GEM, "sports", "Hidden gem", "Скрытая жемчужина"),
                new Product(TENT, "sports", "Tent", "Палатка"),
                new Product(NOVEL, "books", "Novel", "Роман"),
                new Product(ATLAS, "books", "Atlas", "Атлас"),
                new Product(PHONE, "tech", "Phone", "Телефон"),
                new Product(CABLE, "tech", "USB cable", "USB-кабель"));
    }

    /** Writes the order files under {@code root} (created) and returns it. */
    /** The standard fixture written under {@code folder}/orders and read as the job reads committed order files. */
    public static Orders readStandard(Path folder) throws IOException {
        Path root = standard().write(folder.resolve("orders"));
        return new OrderReader(TestSpark.session()).read(OrderFiles.list(root.toUri().toString(), new Configuration()));
    }

    public Path write(Path root) {
        files.forEach((relative, content) -> {
            Path file = root.resolve(relative);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        });
        return root;
    }

    private void committed() {
        file("customer=Alice/orders+0+0000000000+0000000009.jsonl",
                order("o-a1", "Alice", "delivered", "2026-11-10T10:00:00Z", "2026-11-12T10:00:00Z", MAT, 1, NOVEL, 1),
                order("o-a2", "Alice", "paid", "2026-11-15T10:00:00Z", "2026-11-15T11:00:00Z", DUMBBELLS, 2),
                order("o-x", "Alice", "paid", "2026-11-16T10:00:00Z", "2026-11-16T10:05:00Z", PHONE, 1),
                order("o-x", "Alice", "cancelled", "2026-11-16T10:00:00Z", "2026-11-17T09:00:00Z", PHONE, 1));
        file("customer=Alice/date=2026-10-01/orders+0+0000000010+0000000019.jsonl",
                order("o-a-old", "Alice", "delivered", OLD, OLD, BOTTLE, 1));
        file("customer=Bob/orders+1+0000000000+0000000009.jsonl",
                order("o-b1", "Bob", "delivered", "2026-11-11T10:00:00Z", "2026-11-13T10:00:00Z", MAT, 1, KETTLEBELL, 1),
                "",
                order("o-b2", "Bob", "paid", "2026-11-12T10:00:00Z", "2026-11-12T10:00:00Z", KNIFE, 1),
                "this line is not JSON");
        file("customer=Carol/orders+2+0000000000+0000000004.jsonl",
                order("o-c1", "Carol", "created", "2026-11-12T10:00:00Z", "2026-11-12T10:00:00Z", MAT, 3, BOTTLE, 1),
                order("o-c2", "Carol", "delivered", "2026-11-13T10:00:00Z", "2026-11-14T10:00:00Z", NOVEL, 1, ATLAS, 1));
        // a later version of o-c1: the customer reduced the mats to one before it shipped
        file("customer=Carol/orders+2+0000000005+0000000009.jsonl",
                order("o-c1", "Carol", "shipped", "2026-11-12T10:00:00Z", "2026-11-13T10:00:00Z", MAT, 1, BOTTLE, 1));
        file("customer=Dave/date=2026-11-20/orders+3+0000000000+0000000009.jsonl",
                order("o-d1", "Dave", "paid", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z", PHONE, 1, CABLE, 2),
                order("o-d2", "Dave", "paid", "2026-11-20T11:00:00Z", "2026-11-20T11:00:00Z", KETTLEBELL, 1, ROPE, 1),
                withoutItems(order("o-d3", "Dave", "paid", "2026-11-20T12:00:00Z", "2026-11-20T12:00:00Z", MAT, 1)),
                order("o-d4", "Dave", "paid", "2026-11-20T13:00:00Z", "2026-11-20T13:00:00Z", MAT, 0));
        file("customer=Erin/orders+4+0000000000+0000000009.jsonl",
                order("o-e1", "Erin", "paid", "2026-11-18T10:00:00Z", "2026-11-18T10:00:00Z", CABLE, 1),
                order("o-e2", "!Erin", "paid", "2026-11-18T11:00:00Z", "2026-11-18T11:00:00Z", MAT, 1));
        file("customer=Frank/date=2026-10-01/orders+5+0000000000+0000000009.jsonl",
                order("o-f-old", "Frank", "delivered", OLD, OLD, ATLAS, 1));
        file("customer=Gina/orders+5+0000000010+0000000019.jsonl",
                order("o-g1", "Gina", "paid", "2026-11-19T10:00:00Z", "2026-11-19T10:00:00Z", PHONE, 1),
                order("o-g1", "Gina", "cancelled", "2026-11-19T10:00:00Z", "2026-11-19T12:00:00Z", PHONE, 1));
    }

    /** Files the sink has not committed: each would change every result if it were read. */
    private void uncommitted() {
        String gem = order("o-h1", "Alice", "paid", "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z", HIDDEN_GEM, 50);
        file("_tmp/customer=Alice/orders+0+0000000020+0000000029.jsonl", gem);
        file("customer=Dave/_tmp/orders+3+0000000010+0000000019.jsonl",
                order("o-h2", "Dave", "paid", "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z", HIDDEN_GEM, 50));
        file("customer=Bob/.orders+1+0000000010+0000000019.jsonl.tmp",
                order("o-h3", "Bob", "paid", "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z", HIDDEN_GEM, 50));
        file("customer=Erin/_temp-orders.jsonl",
                order("o-h4", "Erin", "paid", "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z", HIDDEN_GEM, 50));
        file("_SUCCESS");
    }

    /** One order as the sink writes it: JSON on one line, total = the sum of its lines. */
    public String order(String orderId, String customer, String state, String createdAt, String updatedAt,
            Object... productAndQuantity) {
        ObjectNode order = JSON.createObjectNode().put("orderId", orderId).put("customer", customer(customer))
                .put("storeId", "store-1");
        ArrayNode items = order.putArray("items");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            String product = (String) productAndQuantity[i];
            int quantity = (Integer) productAndQuantity[i + 1];
            BigDecimal price = new BigDecimal(PRICES.get(product));
            ObjectNode line = items.addObject().put("productId", product).put("quantity", quantity);
            line.putObject("unitPrice").put("amount", price).put("currency", "RUB");
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        order.putObject("total").put("amount", total.signum() > 0 ? total : BigDecimal.ONE).put("currency", "RUB");
        return order.put("state", state).put("createdAt", shifted(createdAt)).put("updatedAt", shifted(updatedAt))
                .toString();
    }

    private String shifted(String timestamp) {
        return Instant.parse(timestamp).plus(shift).toString();
    }

    private static String withoutItems(String order) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(order);
            node.remove("items");
            return node.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void file(String relative, String... lines) {
        files.put(relative.replace("customer=", "customer=" + customerPrefix),
                lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    }
}
