package dev.bazaar.shop.catalog;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Product names and descriptions in Russian and English, worded the way marketplace listings are. */
final class Names {

    private Names() {
    }

    /** E.g. "Гантели разборные IronBody, 2×10 кг" and "IronBody Adjustable Dumbbells, 2×10 kg". */
    static Text name(Draft draft) {
        Text kind = draft.kind().name();
        Text variant = draft.variant().label();
        if (draft.category().naming() == Naming.TITLE) {
            return new Text(kind.ru() + ", " + variant.ru(), kind.en() + ", " + variant.en());
        }
        String maker = draft.model().isEmpty() ? draft.brand() : draft.brand() + " " + draft.model();
        return new Text(kind.ru() + " " + maker + ", " + variant.ru(), maker + " " + kind.en() + ", " + variant.en());
    }

    /** The kind's selling point and two of the category's, a closing sentence, the brand and the warranty. */
    static Text description(Draft draft, SplittableRandom rng) {
        Copy copy = draft.category().copy();
        List<Text> features = Dice.two(copy.features(), rng);
        Text closing = Dice.one(copy.closings(), rng);
        Text feature = draft.kind().feature();
        Text label = draft.category().naming().brandLabel();
        String ru = capitalized(feature.ru()) + ", " + features.get(0).ru() + " и " + features.get(1).ru() + ". "
                + closing.ru() + " " + label.ru() + ": " + draft.brand() + "." + warrantyRu(draft.warrantyMonths());
        String en = capitalized(feature.en()) + ", " + features.get(0).en() + " and " + features.get(1).en() + ". "
                + closing.en() + " " + label.en() + ": " + draft.brand() + "." + warrantyEn(draft.warrantyMonths());
        return new Text(ru, en);
    }

    private static String warrantyRu(int months) {
        return months == 0 ? "" : " Гарантия: " + months + " мес.";
    }

    private static String warrantyEn(int months) {
        return months == 0 ? "" : " Warranty: " + months + (months == 1 ? " month." : " months.");
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
