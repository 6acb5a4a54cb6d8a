package dev.bazaar.events.http;

import dev.bazaar.events.ingest.IngestMetrics;
import dev.bazaar.events.status.DecisionTail;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api-fast/status}: the earlier FastAPI service's status in its shape, {@code srvlogs}
 * the latest processing lines — here dedup's decisions, new or duplicate per event, read back from its
 * output topics — plus {@code counts} since this instance started.
 */
@Controller
final class StatusController {

    private final DecisionTail decisions;
    private final IngestMetrics metrics;

    StatusController(DecisionTail decisions, IngestMetrics metrics) {
        this.decisions = decisions;
        this.metrics = metrics;
    }

    @Get(uri = Routes.STATUS, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "dedup's latest decisions",
            description = "srvlogs: the latest events dedup decided on, oldest first, each new or duplicate; counts: "
                    + "decisions seen and events this instance published since it started.")
    @ApiResponse(responseCode = "200", description = "The lines and counts")
    Status status() {
        DecisionTail.Status status = decisions.status();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("new", status.unique());
        counts.put("duplicate", status.duplicates());
        counts.put("published", metrics.published());
        counts.put("byKind", status.byKind());
        return new Status(status.lines(), counts, status.since().toString(), status.partitions());
    }

    /**
     * The answer: {@code srvlogs} as the earlier service named its lines, {@code counts}, since when,
     * and how many partitions of dedup's output are followed (0 until they exist).
     */
    @Serdeable
    record Status(List<String> srvlogs, Map<String, Object> counts, String since, int partitions) {
    }
}
