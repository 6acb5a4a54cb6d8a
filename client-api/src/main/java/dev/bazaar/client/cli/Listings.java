package dev.bazaar.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the CLI prints client-api's answers: one product per line as {@code category → name}, then
 * its id and price, names in the chosen language, columns aligned.
 */
final class Listings {

    static final String ARROW = " → ";

    private Listings() {
    }

    /** The lines of a search answer ({@code GET /search}): a header, one line per match, the total. */
    static List<String> search(JsonNode page, String language) {
        List<String> lines = new ArrayList<>();
        long total = page.path("total").asLong();
        int number = page.path("page").asInt(1);
        int size = Math.max(1, page.path("pageSize").asInt(10));
        long pages = (total + size - 1) / size;
        lines.add(String.format(Locale.ROOT, "Search \"%s\" by %s, page %d of %d:", page.path("query").asText(),
                page.path("user").asText(), number, Math.max(pages, 1)));
        List<String[]> rows = new ArrayList<>();
        for (JsonNode product : page.path("results")) {
            rows.add(new String[] {title(product, language), product.path("id").asText(), price(product.path("price"))});
        }
        lines.addAll(table(rows, "  "));
        long first = (long) (number - 1) * size + 1;
        lines.add(rows.isEmpty() ? String.format(Locale.ROOT, "total: %d match%s%s", total, total == 1 ? "" : "es",
                total > 0 ? " (none on this page)" : "")
                : String.format(Locale.ROOT, "total: %d match%s (showing %d-%d)", total, total == 1 ? "" : "es", first,
                        first + rows.size() - 1));
        return lines;
    }

    /** The lines of a recommendations answer: a header, one line per product with rank and reason. */
    static List<String> recommendations(JsonNode answer, String language) {
        List<String> lines = new ArrayList<>();
        JsonNode period = answer.path("period");
        lines.add(String.format(Locale.ROOT, "Recommendations for %s (generated %s%s):", answer.path("customer").asText(),
                answer.path("generatedAt").asText("?"), period.isObject() ? ", from activity " + period.path("from")
                        .asText() + " to " + period.path("to").asText() : ""));
        List<String[]> rows = new ArrayList<>();
        for (JsonNode product : answer.path("recommendations")) {
            rows.add(new String[] {String.format(Locale.ROOT, "%2d.", product.path("rank").asInt()),
                    title(product, language), product.path("productId").asText(), price(product.path("price")),
                    String.format(Locale.ROOT, "%s (score %.2f)", product.path("reason").asText(),
                            product.path("score").asDouble())});
        }
        lines.addAll(table(rows, "  "));
        lines.add(rows.size() + " product" + (rows.size() == 1 ? "" : "s"));
        return lines;
    }

    /** {@code category → name} of a product, the name in {@code language} or else the other one. */
    static String title(JsonNode product, String language) {
        JsonNode name = product.path("name");
        String preferred = name.path(language).asText("");
        String text = preferred.isEmpty() ? name.path("ru".equals(language) ? "en" : "ru").asText("") : preferred;
        return product.path("category").asText("?") + ARROW + (text.isEmpty() ? "?" : text);
    }

    /** The price with two decimals and its currency, e.g. {@code 4990.99 RUB}. */
    static String price(JsonNode price) {
        if (!price.path("amount").isNumber()) {
            return "-";
        }
        return price.path("amount").decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString() + " "
                + price.path("currency").asText("");
    }

    private static List<String> table(List<String[]> rows, String indent) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
