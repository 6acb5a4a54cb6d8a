package dev.bazaar.bench;

import java.util.List;
import java.util.Locale;

/** The median and range of some figures: how every benchmark reports its repeated runs. */
record Spread(double median, double min, double max) {

    static Spread of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast());
    }

    /** {@code median (min to max)}, each formatted with {@code number}. */
    String format(String number) {
        return String.format(Locale.ROOT, number + " (" + number + " to " + number + ")", median, min, max);
    }
}
