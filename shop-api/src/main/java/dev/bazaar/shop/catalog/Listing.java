package dev.bazaar.shop.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** How a product is found and shown: its search tags, its images, its stock and the store that sells it. */
final class Listing {

    /** Image host of the platform; the catalog only names images, it ships none. */
    static final String IMAGE_BASE = "https://img.bazaar.dev/products/";
    static final int STORES = 8;

    private static final List<View> VIEWS = List.of(
            new View("main", ""), new View("side", ", вид сбоку"), new View("detail", ", детали"));

    private record View(String file, String altSuffix) {
    }

    private Listing() {
    }

    /** Kind tags in both languages, the category and the brand; lower case, no duplicates. */
    static ArrayNode tags(Draft draft) {
        Set<String> tags = new LinkedHashSet<>();
        for (Text tag : draft.kind().tags()) {
            tags.add(tag.ru().toLowerCase(Locale.ROOT));
            tags.add(tag.en().toLowerCase(Locale.ROOT));
        }
        tags.add(draft.category().slug());
        tags.add(draft.category().title().ru().toLowerCase(Locale.ROOT));
        tags.add(draft.brand().toLowerCase(Locale.ROOT));
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        tags.forEach(array::add);
        return array;
    }

    /** None for about one product in ten, otherwise one to three, the main one first. */
    static ArrayNode images(String productId, Text name, SplittableRandom rng) {
        int count = Dice.chance(0.1, rng) ? 0 : 1 + rng.nextInt(VIEWS.size());
        ArrayNode images = JsonNodeFactory.instance.arrayNode();
        for (View view : VIEWS.subList(0, count)) {
            ObjectNode image = images.addObject();
            image.put("url", IMAGE_BASE + productId + "/" + view.file() + ".jpg");
            image.put("alt", name.ru() + view.altSuffix());
        }
        return images;
    }

    /** Sold out for about one product in twelve, otherwise mostly a few dozen units, sometimes hundreds. */
    static int stock(SplittableRandom rng) {
        if (Dice.chance(1.0 / 12, rng)) {
            return 0;
        }
        double skew = rng.nextDouble();
        return 1 + (int) (300 * skew * skew);
    }

    /** One of {@code store-01} .. {@code store-08}. */
    static String store(SplittableRandom rng) {
        return String.format(Locale.ROOT, "store-%02d", 1 + rng.nextInt(STORES));
    }
}
