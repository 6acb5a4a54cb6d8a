package dev.bazaar.client.search;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import dev.bazaar.client.catalog.Products;
import java.util.List;

/**
 * Builds the Elasticsearch request of a {@link SearchQuery}: one {@code multi_match} with fuzziness
 * over the item's text fields (names weigh most, then brand, tags and category, then descriptions),
 * one page of it, ordered by relevance and then by product id so that pages do not overlap.
 * The fields are those of the search sink's mapping ({@code connectors/.../items-mapping.json}):
 * brand, category and tags are keywords with a {@code .text} sub-field analysed like the names.
 */
public final class SearchRequests {

    /** The fields searched, with their boosts. */
    public static final List<String> FIELDS = List.of("name.ru^3", "name.en^3", "brand.text^2", "tags.text^2",
            "category.text^2", "description.ru", "description.en");

    private SearchRequests() {
    }

    /** The request for {@code query} on {@code index}; {@code fuzziness} as Elasticsearch takes it (AUTO, 0, 1, 2). */
    public static SearchRequest build(SearchQuery query, String index, String fuzziness) {
        return SearchRequest.of(search -> search
                .index(index)
                .ignoreUnavailable(true)
                .query(q -> q.multiMatch(match -> match
                        .query(query.text())
                        .fields(FIELDS)
                        .type(TextQueryType.BestFields)
                        .operator(Operator.Or)
                        .fuzziness(fuzziness)
                        .prefixLength(0)))
                .from(query.from())
                .size(query.pageSize())
                .trackTotalHits(total -> total.enabled(true))
                .source(source -> source.filter(filter -> filter.includes(Products.SOURCE_FIELDS)))
                .sort(sort -> sort.score(score -> score.order(SortOrder.Desc)))
                .sort(sort -> sort.field(field -> field.field("productId").order(SortOrder.Asc))));
    }
}
