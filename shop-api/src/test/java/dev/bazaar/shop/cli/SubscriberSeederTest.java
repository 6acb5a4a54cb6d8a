package dev.bazaar.shop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.shop.catalog.CatalogGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberSeederTest {

    private final List<String> stores = SubscriberSeeder.stores(
            new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(CatalogGenerator.DEFAULT_SIZE));

    @Test
    void theCatalogsStoresAreDistinctAndInAStableOrder() {
        assertThat(stores).hasSizeGreaterThan(3).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aCustomerGetsDistinctFavouritesThatTheSameSeedRepeats() {
        List<String> alice = SubscriberSeeder.favourites(stores, "Alice", 3, 7);
        assertThat(alice).hasSize(3).doesNotHaveDuplicates().isSubsetOf(stores);
        assertThat(SubscriberSeeder.favourites(stores, "Alice", 3, 7)).isEqualTo(alice);
        assertThat(SubscriberSeeder.favourites(stores, "Alice", stores.size() + 5, 7)).hasSameSizeAs(stores);
    }
}
