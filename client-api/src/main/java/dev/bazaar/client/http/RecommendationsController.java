package dev.bazaar.client.http;

import dev.bazaar.client.ClientConfig;
import dev.bazaar.client.Customers;
import dev.bazaar.client.recommend.CustomerRecommendations;
import dev.bazaar.client.recommend.RecommendationService;
import dev.bazaar.client.recommend.Waits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code GET /recommendations/{customer}}: the customer's latest recommendations, each product
 * described from the catalog; products no longer in the catalog (blocked) are left out.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class RecommendationsController {

    private final RecommendationService recommendations;
    private final ClientConfig config;

    RecommendationsController(RecommendationService recommendations, ClientConfig config) {
        this.recommendations = recommendations;
        this.config = config;
    }

    @Get(uri = "/recommendations/{customer}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "A customer's recommendations",
            description = "Served from the compacted recommendations topic; waits for a customer who has none yet "
                    + "up to client.recommendations-wait (the wait parameter may shorten it).")
    @ApiResponse(responseCode = "200", description = "The recommended products still in the catalog, best first")
    @ApiResponse(responseCode = "400", description = "customer or wait malformed (problem JSON)")
    @ApiResponse(responseCode = "401", description = "No valid credentials")
    @ApiResponse(responseCode = "403", description = "A user whose role may not read recommendations")
    @ApiResponse(responseCode = "404", description = "No recommendations for the customer after the wait (problem JSON)")
    @ApiResponse(responseCode = "503", description = "Elasticsearch unavailable (problem JSON)")
    CustomerRecommendations recommendations(
            @Parameter(description = "The customer, e.g. Eva") @PathVariable String customer,
            @Parameter(description = "Seconds to wait at most for recommendations that do not exist yet")
            @QueryValue @Nullable String wait) {
        return recommendations.recommendations(Customers.require("customer", customer),
                Waits.of(wait, config.recommendationsWait()));
    }
}
