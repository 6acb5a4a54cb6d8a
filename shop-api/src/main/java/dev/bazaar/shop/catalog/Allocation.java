package dev.bazaar.shop.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Decides which category each product belongs to: counts proportional to the categories' shares (largest
 * remainder, so they add up exactly), then a seeded shuffle so that categories are mixed along the catalog.
 */
final class Allocation {

    private Allocation() {
    }

    static List<Category> plan(int count, List<Category> categories, SplittableRandom rng) {
        int[] quotas = quotas(count, categories);
        List<Category> plan = new ArrayList<>(count);
        for (int c = 0; c < categories.size(); c++) {
            for (int i = 0; i < quotas[c]; i++) {
                plan.add(categories.get(c));
            }
        }
        shuffle(plan, rng);
        return plan;
    }

    private static int[] quotas(int count, List<Category> categories) {
        long total = categories.stream().mapToLong(Category::share).sum();
        int[] quotas = new int[categories.size()];
        long[] remainders = new long[categories.size()];
        int assigned = 0;
        for (int c = 0; c < quotas.length; c++) {
            long exact = (long) count * categories.get(c).share();
            quotas[c] = (int) (exact / total);
            remainders[c] = exact % total;
            assigned += quotas[c];
        }
        IntStream.range(0, quotas.length).boxed()
                .sorted(Comparator.comparingLong((Integer c) -> -remainders[c]).thenComparing(c -> c))
                .limit(count - assigned)
                .forEach(c -> quotas[c]++);
        return quotas;
    }

    /** Fisher–Yates, driven by the catalog's generator rather than a shared one. */
    private static void shuffle(List<Category> plan, SplittableRandom rng) {
        for (int i = plan.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            plan.set(j, plan.set(i, plan.get(j)));
        }
    }
}
