package dev.bazaar.analytics.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.analytics.compute.CategorySales;
import dev.bazaar.analytics.compute.CustomerRecommendations;
import dev.bazaar.analytics.compute.Period;
import dev.bazaar.analytics.compute.ProductSales;
import dev.bazaar.analytics.compute.Recommendation;
import dev.bazaar.analytics.compute.SalesReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the job's results as the JSON its topics' schemas describe ({@code recommendations.json},
 * {@code analytic-topic.json}). Amounts are exact decimals with two places; scores have four.
 */
public final class RecordFactory {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int SCORE_PLACES = 4;

    private RecordFactory() {
    }

    /** The value of {@code recommendations} keyed by the customer. */
    public static ObjectNode recommendations(CustomerRecommendations list, Period period, Instant generatedAt) {
        ObjectNode record = JSON.objectNode().put("customer", list.customer());
        ArrayNode entries = record.putArray("recommendations");
        for (Recommendation recommendation : list.recommendations()) {
            entries.addObject()
                    .put("productId", recommendation.productId())
                    .put("rank", recommendation.rank())
                    .put("score", BigDecimal.valueOf(recommendation.score()).setScale(SCORE_PLACES, RoundingMode.HALF_UP))
                    .put("reason", recommendation.reason().label());
        }
        record.put("generatedAt", timestamp(generatedAt));
        record.set("period", period(period));
        return record;
    }

    /** The value of {@code analytic-topic} keyed by the report id. */
    public static ObjectNode report(SalesReport report) {
        ObjectNode record = JSON.objectNode().put("reportId", report.reportId());
        record.set("period", period(report.period()));
        record.put("generatedAt", timestamp(report.generatedAt()));
        ArrayNode categories = record.putArray("categories");
        for (CategorySales sales : report.categories()) {
            ObjectNode entry = categories.addObject().put("category", sales.category()).put("orders", sales.orders())
                    .put("units", sales.units());
            entry.set("revenue", money(sales.revenue(), sales.currency()));
        }
        ArrayNode top = record.putArray("topProducts");
        for (ProductSales sales : report.topProducts()) {
            ObjectNode entry = top.addObject().put("productId", sales.productId()).put("name", sales.name())
                    .put("units", sales.units());
            entry.set("revenue", money(sales.revenue(), sales.currency()));
        }
        return record;
    }

    private static ObjectNode period(Period period) {
        return JSON.objectNode().put("from", timestamp(period.from())).put("to", timestamp(period.to()));
    }

    private static ObjectNode money(BigDecimal amount, String currency) {
        return JSON.objectNode().put("amount", amount.setScale(2, RoundingMode.HALF_UP)).put("currency", currency);
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
