package dev.bazaar.client.catalog;

import java.util.Collection;
import java.util.Map;

/** Where products are looked up by id: the catalog index, or a fixed catalog in a test. */
@FunctionalInterface
public interface ProductCatalog {

    /**
     * The products of {@code ids} that are in the catalog, by id; an id the catalog does not hold is
     * absent from the map (a product blocked after it was recommended has been deleted by the search sink).
     *
     * @throws CatalogUnavailableException when the catalog cannot be asked
     */
    Map<String, Product> products(Collection<String> ids);
}
