package dev.bazaar.shop.catalog;

/** A closed interval of positive numbers, such as the realistic price of a kind of goods in roubles. */
record Range(double min, double max) {

    Range {
        if (!(min > 0) || max < min) {
            throw new IllegalArgumentException("a range needs 0 < min <= max, was " + min + ".." + max);
        }
    }

    /** The point at {@code position} (0..1) on a logarithmic scale, so cheap and dear ends are equally likely. */
    double at(double position) {
        return min * Math.pow(max / min, position);
    }
}
