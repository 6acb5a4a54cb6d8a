package dev.bazaar.shop.catalog;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The choices that make one product (kind, variant, brand, model, warranty), drawn once so that its name,
 * description, price and specifications all describe the same thing.
 *
 * @param index the product's position in the catalog, from 0; it makes the product id and SKU unique
 * @param model a model code such as {@code S23}, or empty where the category names no models
 * @param warrantyMonths the warranty term, or 0 where the goods carry none
 */
record Draft(int index, Category category, Kind kind, int variantIndex, String brand, String model,
        int warrantyMonths) {

    private static final String MODEL_LETTERS = "AXSMNPRTV";

    static Draft draw(int index, Category category, SplittableRandom rng) {
        Kind kind = Dice.one(category.kinds(), rng);
        int variantIndex = rng.nextInt(kind.variants().size());
        String brand = Dice.one(category.brands(), rng);
        String model = category.naming() == Naming.MODEL ? modelCode(rng) : "";
        int warranty = category.traits().warrantyMonths().isEmpty() ? 0
                : Dice.one(category.traits().warrantyMonths(), rng);
        return new Draft(index, category, kind, variantIndex, brand, model, warranty);
    }

    Variant variant() {
        return kind.variants().get(variantIndex);
    }

    /** {@code p-00001} for the first product. */
    String productId() {
        return String.format(Locale.ROOT, "p-%05d", index + 1);
    }

    /** Category prefix, brand code and sequence number, e.g. {@code SPT-IRO-00001}. */
    String sku() {
        return String.format(Locale.ROOT, "%s-%s-%05d", category.skuPrefix(), brandCode(), index + 1);
    }

    private String brandCode() {
        String letters = brand.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return letters.length() > 3 ? letters.substring(0, 3) : letters;
    }

    private static String modelCode(SplittableRandom rng) {
        return MODEL_LETTERS.charAt(rng.nextInt(MODEL_LETTERS.length())) + String.valueOf(rng.nextInt(2, 60));
    }
}
