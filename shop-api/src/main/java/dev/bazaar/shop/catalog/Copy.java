package dev.bazaar.shop.catalog;

import java.util.List;

/** The selling points and closing sentences a category's descriptions are written from. */
record Copy(List<Text> features, List<Text> closings) {

    Copy {
        features = List.copyOf(features);
        closings = List.copyOf(closings);
        if (features.size() < 2 || closings.isEmpty()) {
            throw new IllegalArgumentException("a description needs two features and a closing sentence");
        }
    }
}
