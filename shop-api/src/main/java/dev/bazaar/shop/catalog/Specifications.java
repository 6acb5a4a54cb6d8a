package dev.bazaar.shop.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * The specifications object: weight, color, material and warranty where they mean something, the category's own
 * specifications, the model, and the variant's value (which wins, so "2×10 кг" dumbbells weigh 20 kg).
 */
final class Specifications {

    private Specifications() {
    }

    static ObjectNode of(Draft draft, SplittableRandom rng) {
        ObjectNode specs = JsonNodeFactory.instance.objectNode();
        specs.put("weight_kg", Math.round(draft.kind().weightKg().at(rng.nextDouble()) * 100) / 100.0);
        Traits traits = draft.category().traits();
        if (!traits.colors().isEmpty()) {
            specs.put("color", Dice.one(traits.colors(), rng).both());
        }
        if (draft.kind().material() != null) {
            specs.put("material", draft.kind().material().both());
        }
        if (draft.warrantyMonths() > 0) {
            specs.put("warranty_months", draft.warrantyMonths());
        }
        if (!draft.model().isEmpty()) {
            specs.put("model", draft.model());
        }
        traits.specs().forEach(spec -> put(specs, spec.key(), spec.pick(rng)));
        put(specs, draft.variant().specKey(), draft.variant().specValue());
        return specs;
    }

    private static void put(ObjectNode specs, String key, Object value) {
        switch (value) {
            case String text -> specs.put(key, text);
            case Integer number -> specs.put(key, number);
            case Double number -> specs.put(key, number);
            case Boolean flag -> specs.put(key, flag);
            case Text text -> specs.put(key, text.both());
            default -> throw new IllegalArgumentException(
                    "the specification " + key + " has a value of unsupported type " + value.getClass().getName());
        }
    }
}
