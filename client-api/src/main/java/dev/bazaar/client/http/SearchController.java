package dev.bazaar.client.http;

import dev.bazaar.client.ClientConfig;
import dev.bazaar.client.search.SearchPage;
import dev.bazaar.client.search.SearchQuery;
import dev.bazaar.client.search.SearchService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** {@code GET /search}: one page of the catalog matching a text, typos forgiven; every search is recorded. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SearchController {

    private final SearchService search;
    private final ClientConfig config;

    SearchController(SearchService search, ClientConfig config) {
        this.search = search;
        this.config = config;
    }

    @Get(uri = "/search", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the catalog",
            description = "Fuzzy full-text search over name, description, brand, category and tags; answered once "
                    + "the search is recorded on the client-search topic.")
    @ApiResponse(responseCode = "200", description = "A page of matching products (may be empty) and the total")
    @ApiResponse(responseCode = "400", description = "q missing or too long, page or user malformed (problem JSON)")
    @ApiResponse(responseCode = "401", description = "No valid credentials")
    @ApiResponse(responseCode = "403", description = "A user whose role may not search")
    @ApiResponse(responseCode = "503", description = "Elasticsearch or Kafka unavailable (problem JSON)")
    SearchPage search(
            @Parameter(description = "What to search for (1-500 characters)") @QueryValue @Nullable String q,
            @Parameter(description = "Result page, from 1 (default 1)") @QueryValue @Nullable String page,
            @Parameter(description = "Who searches (default: the authenticated user)") @QueryValue @Nullable String user,
            Authentication authentication) {
        return search.search(SearchQuery.of(q, page, user, authentication.getName(), config.pageSize(),
                config.maxPage()));
    }
}
