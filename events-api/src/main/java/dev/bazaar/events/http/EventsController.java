package dev.bazaar.events.http;

import dev.bazaar.events.EventKind;
import dev.bazaar.events.ingest.EventIngest;
import dev.bazaar.events.ingest.PublishedEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest: {@code POST /events} (one event or an array, of a kind), and the earlier systems' own
 * paths with their payloads unchanged, {@code POST /api-fast/view-event} and {@code POST /product_events/},
 * so that their clients only change the URL and add a credential. Each answers once Kafka
 * acknowledged the events (acks=all): where each is stored and its de-duplication key. The body is
 * read as bytes, so each event is published exactly as posted.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventsController {

    private final EventIngest ingest;

    EventsController(EventIngest ingest) {
        this.ingest = ingest;
    }

    @Post(uri = Routes.EVENTS, consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish events of one kind",
            description = "One event (a JSON object) or an array of them, all of the kind ?kind= names (default "
                    + "view-event). Every event is checked before any is published: one bad event publishes nothing.")
    @ApiResponse(responseCode = "202", description = "Kafka acknowledged every event: key and place of each")
    @ApiResponse(responseCode = "400", description = "A malformed body, an invalid event or an unknown kind (problem JSON naming the event and field)")
    @ApiResponse(responseCode = "401", description = "No valid credentials")
    @ApiResponse(responseCode = "413", description = "The body is over 1 MiB or an event over events.max-event-bytes")
    @ApiResponse(responseCode = "415", description = "The body is not application/json")
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge every event in time (problem JSON listing those it did)")
    CompletableFuture<HttpResponse<Accepted>> events(
            @Parameter(description = "view-event (default) or product_events") @QueryValue(Routes.KIND) @Nullable String kind,
            HttpRequest<byte[]> request) {
        return publish(Routes.kind(kind), request, true, HttpStatus.ACCEPTED);
    }

    @Post(uri = Routes.VIEW_EVENT, consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish one view event (the earlier FastAPI path)",
            description = "One view-event object, the payload the earlier de-duplicator took; answered 200.")
    @ApiResponse(responseCode = "200", description = "Kafka acknowledged the event: its key and place")
    @ApiResponse(responseCode = "400", description = "A malformed body or an invalid event (problem JSON naming the field)")
    CompletableFuture<HttpResponse<Accepted>> viewEvent(HttpRequest<byte[]> request) {
        return publish(EventKind.VIEW_EVENT, request, false, HttpStatus.OK);
    }

    // the router takes /product_events/ for /product_events (a trailing slash is optional); application.yml lets
    // user events call both spellings
    @Post(uri = Routes.PRODUCT_EVENTS, consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish one product event (the earlier Django path)",
            description = "One product_events object, the payload the earlier de-duplicator took; answered 200.")
    @ApiResponse(responseCode = "200", description = "Kafka acknowledged the event: its key and place")
    @ApiResponse(responseCode = "400", description = "A malformed body or an invalid event (problem JSON naming the field)")
    CompletableFuture<HttpResponse<Accepted>> productEvent(HttpRequest<byte[]> request) {
        return publish(EventKind.PRODUCT_EVENTS, request, false, HttpStatus.OK);
    }

    /** Publishes the request's body (as bytes; none when the request has none, which the ingest refuses). */
    private CompletableFuture<HttpResponse<Accepted>> publish(EventKind kind, HttpRequest<byte[]> request,
            boolean arrayAllowed, HttpStatus status) {
        byte[] body = request.getBody().orElse(null);
        CompletableFuture<HttpResponse<Accepted>> answer = new CompletableFuture<>();
        // not thenApply: its failure would wrap PublishFailedException, which has a handler of its own
        ingest.accept(kind, body, arrayAllowed).whenComplete((events, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(HttpResponse.<Accepted>status(status).body(new Accepted(events.size(), events)));
            }
        });
        return answer;
    }

    /** The answer to a publish: how many events Kafka acknowledged, and each one's key and place. */
    @Serdeable
    record Accepted(int acknowledged, List<PublishedEvent> events) {
    }
}
