package dev.bazaar.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.Topics;
import dev.bazaar.common.http.RouteAudit;
import dev.bazaar.filter.cli.FilterCli;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * stream-filter as {@code ./bazaar up} runs it (its own process, principal {@code filter},
 * exactly once), fed through shop-api's HTTP API, its stop-list edited with the {@code filter} CLI,
 * {@code filtered-items} read with {@code read_committed}.
 */
@ExtendWith(EmbeddedPlatform.class)
class StreamFilterIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /**
     * This run's prefix of product ids: the build's one platform keeps the items and the stop-list of
     * every earlier module and run, and later modules index and search what this one publishes.
     */
    private static final String RUN = "sf-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private static final String KEEP = RUN + "keep";
    private static final String BLOCK = RUN + "block";
    private static final String NEVER_PUBLISHED = RUN + "never-published";

    @Test
    void blockedProductLeavesFilteredItemsAndReturnsWhenUnblocked(Running platform) throws Exception {
        FilterService filter = new FilterService(platform);
        try (CommittedHistory filtered = new CommittedHistory(platform, Topics.FILTERED_ITEMS)) {
            // given two products published through shop-api and forwarded by the filter
            filter.publish(List.of(FilterService.item(KEEP, 100), FilterService.item(BLOCK, 200)));
            await().atMost(DEADLINE).until(() -> filtered.catchUp().of(KEEP).size() == 1
                    && filtered.of(BLOCK).size() == 1);

            // when ops blocks one of them, and shop publishes a new version of both
            FilterService.Cli block = filter.cli("block", BLOCK, "--reason", "counterfeit");
            assertThat(block.exit()).as("block exit code, stderr: %s", block.err()).isZero();
            assertThat(block.out()).as("block output")
                    .contains("blocked " + BLOCK + " (Adjustable dumbbells 2×10 kg): counterfeit");
            await().atMost(DEADLINE).until(() -> filter.product(BLOCK).path("blocked").asBoolean());
            filter.publish(List.of(FilterService.item(KEEP, 101), FilterService.item(BLOCK, 201)));
            await().atMost(DEADLINE).until(() -> filtered.catchUp().of(KEEP).size() == 2);

            // then the blocked product's history is its first item and a tombstone, nothing after
            List<byte[]> blocked = filtered.catchUp().of(BLOCK);
            assertThat(blocked).as("%s on filtered-items", BLOCK).hasSize(2);
            assertThat(FilterService.price(blocked.get(0))).as("first item").isEqualTo(200);
            assertThat(blocked.get(1)).as("tombstone").isNull();
            assertThat(filter.counter("stream_filter_records_dropped_total")).as("dropped").isGreaterThanOrEqualTo(1);

            // and blocking twice changes nothing downstream, unblocking sends the latest version
            assertThat(filter.cli("block", BLOCK).exit()).as("second block").isZero();
            assertThat(filter.cli("unblock", BLOCK).exit()).as("unblock").isZero();
            await().atMost(DEADLINE).until(() -> filtered.catchUp().of(BLOCK).size() == 3);
            assertThat(FilterService.price(filtered.of(BLOCK).get(2))).as("re-emitted latest").isEqualTo(201);
            assertThat(filter.cli("unblock", BLOCK).out()).as("unblock twice")
                    .contains(BLOCK + " (Adjustable dumbbells 2×10 kg) is not blocked; nothing changed");
        }
    }

    @Test
    void unknownProductIdIsRefusedWithExitCode2(Running platform) throws Exception {
        FilterService filter = new FilterService(platform);

        // when ops blocks a product nobody published
        FilterService.Cli block = filter.cli("block", NEVER_PUBLISHED);

        // then it is refused with exit code 2, and nothing is blocked
        assertThat(block.exit()).as("exit code").isEqualTo(2);
        assertThat(block.err()).as("message").contains("unknown product id '" + NEVER_PUBLISHED + "'", "--force");
        assertThat(filter.cli("unblock", NEVER_PUBLISHED).exit()).as("unblock exit code").isEqualTo(2);
        assertThat(filter.product(NEVER_PUBLISHED).path("blocked").asBoolean()).as("blocked").isFalse();

        // and --force blocks it ahead of publication
        assertThat(filter.cli("block", NEVER_PUBLISHED, "--force").exit()).as("forced").isZero();
        await().atMost(DEADLINE).until(() -> filter.product(NEVER_PUBLISHED).path("blocked").asBoolean());
    }

    @Test
    void theRunningFilterServesEachRouteToWhomItNamesOnly(Running platform) throws Exception {
        FilterService filter = new FilterService(platform);

        // given the probes generated from stream-filter's own route table
        List<RouteAudit.Probe> probes = RouteAudit.probes(HealthServer.routes(null, null).routes(), platform.layout(),
                "sf-audit");

        // when they are sent to the process up started, over HTTPS
        List<RouteAudit.Outcome> outcomes = RouteAudit.run(filter.http(), filter.url(), probes);

        // then everyone a route does not name is refused, and an anonymous caller learns the status only
        assertThat(filter.url()).as("URL recorded by up").startsWith("https://127.0.0.1:");
        assertThat(outcomes).as("outcomes not as expected").filteredOn(outcome -> !outcome.asExpected()).isEmpty();
        HttpResponse<String> health = filter.get("/health", null);
        assertThat(health.statusCode()).as("anonymous health").isEqualTo(200);
        assertThat(health.body()).as("anonymous health body").isEqualTo("{\"status\":\"UP\"}");
        assertThat(filter.get("/health", HttpUser.OPS).body()).as("ops' health body").contains("\"streams\":\"");
    }

    @Test
    void killMinus9MidStreamNeitherLosesNorDuplicatesAnItem(Running platform) throws Exception {
        FilterService filter = new FilterService(platform);
        int total = 4000;
        List<String> ids = IntStream.range(0, total).mapToObj(n -> String.format(Locale.ROOT, "%skill-%05d", RUN, n))
                .toList();
        List<String> blocked = ids.stream().filter(id -> id.endsWith("0")).toList();

        // given one product in ten blocked before it is published
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        blocked.forEach(id -> entries.put(id, FilterCli.entry(id, "fault test", "ops", Instant.now())));
        FilterCli.send(platform.layout(), entries);
        await().atMost(DEADLINE).until(() -> filter.product(blocked.getLast()).path("blocked").asBoolean()
                && filter.product(blocked.getFirst()).path("blocked").asBoolean());

        // when shop publishes them in batches of 100 while stream-filter is killed -9 and started again by up
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publishAll(filter, ids, published));
        await().atMost(DEADLINE).until(() -> published.get() >= 1500);
        ProcessHandle victim = platform.process("stream-filter").running().orElseThrow();
        long processedBefore = filter.counter("stream_filter_records_in_total");
        long killedAt = System.nanoTime();
        Running.kill(victim);
        EmbeddedPlatform.Running.up(platform.platform());
        publishing.get(2, TimeUnit.MINUTES);

        // then every product that is not blocked is on filtered-items exactly once, committed, and no blocked one
        try (CommittedHistory filtered = new CommittedHistory(platform, Topics.FILTERED_ITEMS)) {
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                filtered.catchUp();
                return ids.stream().filter(id -> !blocked.contains(id)).allMatch(id -> !filtered.of(id).isEmpty());
            });
            System.out.printf("stream-filter kill -9 after %d items read in this process: all %d forwarded items "
                    + "committed %.1f s after the kill%n", processedBefore, total - blocked.size(),
                    (System.nanoTime() - killedAt) / 1e9);
            List<String> duplicated = new ArrayList<>();
            filtered.catchUp();
            for (String id : ids) {
                int copies = filtered.of(id).size();
                if (blocked.contains(id)) {
                    assertThat(copies).as("blocked %s", id).isZero();
                } else if (copies != 1) {
                    duplicated.add(id + " x" + copies);
                }
            }
            assertThat(duplicated).as("items not exactly once").isEmpty();
        }
    }

    private static void publishAll(FilterService filter, List<String> ids, AtomicInteger published) {
        for (int from = 0; from < ids.size(); from += 100) {
            List<ObjectNode> batch = ids.subList(from, Math.min(from + 100, ids.size())).stream()
                    .map(id -> FilterService.item(id, 10)).toList();
            try {
                filter.publish(batch);
            } catch (Exception e) {
                throw new IllegalStateException("publishing items from " + from, e);
            }
            published.addAndGet(batch.size());
        }
    }
}
