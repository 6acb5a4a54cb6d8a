package dev.bazaar.shop.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** Prices in roubles the way shops set them: a round figure, often just under it (4 490.00, 4 499.90, 4 499.99). */
final class Prices {

    static final String CURRENCY = "RUB";

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal TEN_KOPECKS = new BigDecimal("0.10");
    private static final BigDecimal ONE_KOPECK = new BigDecimal("0.01");

    private Prices() {
    }

    /** The price object of the schema: {"amount": 4490.00, "currency": "RUB"}. */
    static ObjectNode money(Draft draft, SplittableRandom rng) {
        ObjectNode money = JsonNodeFactory.instance.objectNode();
        money.put("amount", amount(draft, rng));
        money.put("currency", CURRENCY);
        return money;
    }

    static BigDecimal amount(Draft draft, SplittableRandom rng) {
        int variants = draft.kind().variants().size();
        double position = draft.category().traits().priceByVariant()
                ? (draft.variantIndex() + rng.nextDouble()) / variants
                : rng.nextDouble();
        return charm(draft.kind().price().at(position), rng);
    }

    /** Rounds a raw price to a shop-like figure with exactly two decimals, never below 10 roubles. */
    static BigDecimal charm(double raw, SplittableRandom rng) {
        long step = raw < 1_000 ? 10 : raw < 10_000 ? 100 : 1_000;
        BigDecimal round = BigDecimal.valueOf(Math.max(2, Math.round(raw / step)) * step);
        int style = rng.nextInt(20);
        BigDecimal price;
        if (style < 8) {
            price = round.subtract(TEN);
        } else if (style < 13) {
            price = round.subtract(TEN_KOPECKS);
        } else if (style < 17) {
            price = round.subtract(ONE_KOPECK);
        } else {
            price = round;
        }
        return price.setScale(2, RoundingMode.UNNECESSARY);
    }
}
