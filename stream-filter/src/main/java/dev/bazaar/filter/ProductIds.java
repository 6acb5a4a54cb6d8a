package dev.bazaar.filter;

import java.util.regex.Pattern;

/** The product id rule of the items schema, checked before an id is used as a key or a path. */
public final class ProductIds {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,63}");

    private ProductIds() {
    }

    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
