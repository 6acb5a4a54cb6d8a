package dev.bazaar.client.search;

import dev.bazaar.client.catalog.CatalogIndex;
import dev.bazaar.client.catalog.SearchHits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * Serves a search: finds one page of matching products in the catalog index, records the search
 * on {@code client-search}, and answers once both succeeded.
 */
public final class SearchService {

    private final CatalogIndex catalog;
    private final SearchEvents events;
    private final String fuzziness;
    private final Clock clock;
    private final Counter searches;
    private final Counter misses;

    public SearchService(CatalogIndex catalog, SearchEvents events, String fuzziness, Clock clock, MeterRegistry metrics) {
        this.catalog = catalog;
        this.events = events;
        this.fuzziness = fuzziness;
        this.clock = clock;
        this.searches = Counter.builder("client.api.searches").description("Searches served and recorded")
                .register(metrics);
        this.misses = Counter.builder("client.api.searches.empty").description("Searches that found nothing")
                .register(metrics);
    }

    public SearchPage search(SearchQuery query) {
        SearchHits hits = catalog.search(SearchRequests.build(query, catalog.index(), fuzziness));
        SearchEvent event = SearchEvent.of(query, hits.total(), clock.instant());
        events.publish(event);
        searches.increment();
        if (hits.total() == 0) {
            misses.increment();
        }
        return new SearchPage(event.searchId(), query.text(), query.user(), query.page(), query.pageSize(),
                hits.total(), hits.products());
    }
}
