package dev.bazaar.client;

import java.util.regex.Pattern;

/**
 * What a customer (user) name may be, as the schemas of {@code client-search} and
 * {@code recommendations} say: checked before a request reaches Kafka or the store, so that a bad
 * name is a 400 naming the parameter rather than a record the registry refuses.
 */
public final class Customers {

    /** The {@code customer} definition of setup/schemas/client-search.json and recommendations.json. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    private Customers() {
    }

    /** {@code name} as it is, or an {@link InvalidParameterException} for {@code parameter}. */
    public static String require(String parameter, String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidParameterException(parameter, "is required");
        }
        if (!PATTERN.matcher(name).matches()) {
            throw new InvalidParameterException(parameter, "must be 1-64 letters, digits, spaces, '.', '_' or '-', "
                    + "starting with a letter or digit; was '" + abbreviate(name) + "'");
        }
        return name;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
