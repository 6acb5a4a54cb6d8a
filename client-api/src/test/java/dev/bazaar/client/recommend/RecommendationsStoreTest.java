package dev.bazaar.client.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The materialised topic: records replace, tombstones remove, readers wait for a customer to appear. */
class RecommendationsStoreTest {

    /** How long a waiting reader is given in the tests that expect it to be woken long before. */
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration SHORT_WAIT = Duration.ofMillis(200);

    private final RecommendationsStore store = new RecommendationsStore();
    private final ExecutorService readers = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void recordStoresTheCustomerAndALaterOneReplacesIt() {
        // given Alice's recommendations on the topic
        store.apply("Alice", Framing.frame(Framing.example()));

        // when a newer record of Alice follows
        store.apply("Alice", Framing.frame(recommendation("Alice", "newer-1")));

        // then only the newer one is held
        assertThat(store.get("Alice")).as("Alice").map(Recommendations::productIds).hasValue(List.of("newer-1"));
        assertThat(store.size()).as("customers").isEqualTo(1);
    }

    @Test
    void tombstoneRemovesTheCustomer() {
        // given Alice and Bob
        store.apply("Alice", Framing.frame(Framing.example()));
        store.apply("Bob", Framing.frame(recommendation("Bob", "b-1")));

        // when a tombstone for Alice arrives
        store.apply("Alice", null);

        // then Alice is gone, Bob stays
        assertThat(store.get("Alice")).as("Alice after the tombstone").isEmpty();
        assertThat(store.get("Bob")).as("Bob").isPresent();
    }

    @Test
    void unreadableRecordLeavesTheStoreAsItWas() {
        store.apply("Alice", Framing.frame(Framing.example()));
        assertThatThrownBy(() -> store.apply("Alice", "not framed".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .as("unreadable record").isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get("Alice")).as("Alice").map(Recommendations::customer).hasValue("Alice");
    }

    @Test
    void readerOfAStoredCustomerDoesNotWait() throws Exception {
        // given Alice's recommendations
        store.apply("Alice", Framing.frame(Framing.example()));

        // when they are awaited with a long wait
        long began = System.nanoTime();
        Optional<Recommendations> found = store.await("Alice", LONG_WAIT);

        // then they are there at once
        assertThat(found).as("Alice").isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("time taken").isLessThan(DEADLINE);
    }

    @Test
    void waitingReaderIsWokenWhenItsCustomerArrives() throws Exception {
        // given a reader waiting up to 30 s for Eva, who has no recommendations yet
        CompletableFuture<Optional<Recommendations>> reader = read("Eva", LONG_WAIT);
        await().atMost(DEADLINE).until(() -> store.waiting() == 1);

        // when another customer arrives, the reader keeps waiting; when Eva's arrive, it has them
        store.apply("Bob", Framing.frame(recommendation("Bob", "b-1")));
        await().atMost(DEADLINE).until(() -> store.waiting() == 1);
        assertThat(reader).as("reader after Bob arrived").isNotDone();
        store.apply("Eva", Framing.frame(recommendation("Eva", "e-1")));

        // then the reader gets Eva's well before its wait ends
        assertThat(reader.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("Eva")
                .map(Recommendations::productIds).hasValue(List.of("e-1"));
        assertThat(store.waiting()).as("readers still waiting").isZero();
    }

    @Test
    void readerOfAnUnknownCustomerGetsNothingOnceItsWaitIsOver() throws Exception {
        // when Nobody is awaited for 200 ms
        long began = System.nanoTime();
        Optional<Recommendations> found = store.await("Nobody", SHORT_WAIT);

        // then there is nothing, and not before the wait was over
        assertThat(found).as("Nobody").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("time waited").isGreaterThanOrEqualTo(SHORT_WAIT);
    }

    @Test
    void zeroWaitAnswersAtOnce() throws Exception {
        assertThat(store.await("Nobody", Duration.ZERO)).as("Nobody without waiting").isEmpty();
    }

    @Test
    void tombstoneWhileWaitingDoesNotAnswerTheReader() throws Exception {
        // given a reader waiting for Eva
        CompletableFuture<Optional<Recommendations>> reader = read("Eva", Duration.ofSeconds(2));
        await().atMost(DEADLINE).until(() -> store.waiting() == 1);

        // when a tombstone of Eva arrives
        store.apply("Eva", null);

        // then the reader goes on waiting and ends with nothing
        assertThat(reader.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("Eva after a tombstone").isEmpty();
    }

    private CompletableFuture<Optional<Recommendations>> read(String customer, Duration wait) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store.await(customer, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, readers);
    }

    static String recommendation(String customer, String productId) {
        return "{\"customer\":\"" + customer + "\",\"generatedAt\":\"2026-11-23T10:00:00Z\","
                + "\"period\":{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-23T00:00:00Z\"},"
                + "\"recommendations\":[{\"productId\":\"" + productId + "\",\"rank\":1,\"score\":0.5,"
                + "\"reason\":\"popular\"}]}";
    }
}
