package dev.bazaar.connectors.elasticsearch;

import dev.bazaar.connectors.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of pending records as bulk requests until every action is done or rejected as
 * malformed, retrying with backoff what Elasticsearch could not take for now.
 *
 * <p>Ordering: a retry resends the failed actions in their original order together with every later
 * action of the batch on the same document, even one that had succeeded. Otherwise an older
 * version retried after a newer one landed would win (index v1 rejected with 429, delete
 * accepted, index v1 retried: the deleted document would be back). Resending the later action is
 * harmless because index and delete are idempotent. Batches are written one at a time, so nothing
 * of a later batch can overtake.
 */
final class BulkWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

    private final BulkClient client;
    private final RetryPolicy retryPolicy;

    BulkWriter(BulkClient client, RetryPolicy retryPolicy) {
        this.client = client;
        this.retryPolicy = retryPolicy;
    }

    /** A record Elasticsearch rejected as malformed, and its reason. */
    record Rejection(PendingRecord pending, String reason) {
    }

    private record DocumentKey(String index, String id) {
        static DocumentKey of(DocumentAction action) {
            return new DocumentKey(action.index(), action.id());
        }
    }

    private record Retry(List<Integer> positions, String firstReason) {
    }

    /**
     * Writes {@code batch}; returns the records Elasticsearch rejected as malformed, in batch order.
     *
     * @throws ConnectException when retries are used up, or on an error no retry can fix
     */
    List<Rejection> write(List<PendingRecord> batch) {
        List<Integer> remaining = IntStream.range(0, batch.size()).boxed().toList();
        Map<Integer, String> rejected = new TreeMap<>();
        int retries = 0;
        while (true) {
            List<ItemResult> results;
            try {
                results = send(batch, remaining);
            } catch (BulkRequestException e) {
                if (!e.retriable()) {
                    throw new ConnectException("Bulk request to Elasticsearch failed: " + e.getMessage(), e);
                }
                retryPolicy.awaitRetry(++retries, "Bulk request of " + remaining.size() + " actions failed: "
                        + e.getMessage(), e);
                continue;
            }
            Retry retry = sortOut(batch, remaining, results, rejected);
            if (retry.positions().isEmpty()) {
                return rejected.entrySet().stream().map(e -> new Rejection(batch.get(e.getKey()), e.getValue()))
                        .toList();
            }
            retryPolicy.awaitRetry(++retries, retry.positions().size() + " of " + remaining.size()
                    + " bulk actions were not accepted, the first " + retry.firstReason(), null);
            remaining = retry.positions();
        }
    }

    private List<ItemResult> send(List<PendingRecord> batch, List<Integer> positions) throws BulkRequestException {
        List<DocumentAction> actions = positions.stream().map(at -> batch.get(at).action()).toList();
        List<ItemResult> results = client.bulk(actions);
        if (results.size() != actions.size()) {
            throw new ConnectException("Elasticsearch answered " + results.size() + " items for a bulk request of "
                    + actions.size() + " actions");
        }
        return results;
    }

    /** Records each action's outcome; returns the positions to send again, in order. */
    private static Retry sortOut(List<PendingRecord> batch, List<Integer> positions, List<ItemResult> results,
            Map<Integer, String> rejected) {
        Set<DocumentKey> held = new HashSet<>();
        List<Integer> retry = new ArrayList<>();
        String firstReason = null;
        for (int i = 0; i < positions.size(); i++) {
            int at = positions.get(i);
            PendingRecord pending = batch.get(at);
            DocumentKey key = DocumentKey.of(pending.action());
            rejected.remove(at);
            if (held.contains(key)) {
                retry.add(at);
                continue;
            }
            ItemResult result = results.get(i);
            switch (ItemOutcome.of(pending.action(), result)) {
                case DONE -> log.trace("Wrote {} for {}", pending.action().id(), Records.coordinates(pending.record()));
                case MALFORMED -> rejected.put(at, result.describe());
                case RETRY -> {
                    retry.add(at);
                    held.add(key);
                    firstReason = firstReason != null ? firstReason
                            : "(" + Records.coordinates(pending.record()) + ") failed with " + result.describe();
                }
                case FATAL -> throw new ConnectException("Elasticsearch refused the write of document "
                        + pending.action().id() + " to index " + pending.action().index() + " for record "
                        + Records.coordinates(pending.record()) + ": " + result.describe());
            }
        }
        return new Retry(retry, firstReason);
    }
}
