package dev.bazaar.client.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading values of the recommendations topic, and refusing what is not one. */
class RecommendationsDecoderTest {

    @Test
    void exampleRecordIsReadWithEveryProductBestFirst() {
        // when the shipped example, framed as on the topic, is decoded
        Recommendations read = RecommendationsDecoder.decode(Framing.frame(Framing.example()));

        // then it is Alice's three products in rank order, with the run's time and period
        assertThat(read.customer()).as("customer").isEqualTo("Alice");
        assertThat(read.items()).as("products").containsExactly(
                new Recommendation("yoga-mat-183", 1, 0.92, "co-purchase"),
                new Recommendation("kettlebell-16", 2, 0.71, "category-affinity"),
                new Recommendation("water-bottle-750", 3, 0.4, "popular"));
        assertThat(read.generatedAt()).as("generated at").isEqualTo("2025-03-15T00:05:00Z");
        assertThat(read.period()).as("period").isEqualTo(new Period("2025-02-15T00:00:00Z", "2025-03-15T00:00:00Z"));
    }

    @Test
    void productsAreOrderedByRankWhateverTheirOrderInTheRecord() {
        String json = "{\"customer\":\"Eva\",\"generatedAt\":\"2026-11-23T10:00:00Z\",\"recommendations\":["
                + "{\"productId\":\"p-3\",\"rank\":3,\"score\":0.1,\"reason\":\"popular\"},"
                + "{\"productId\":\"p-1\",\"rank\":1,\"score\":0.9,\"reason\":\"co-purchase\"}]}";
        assertThat(RecommendationsDecoder.decode(Framing.frame(json)).productIds()).as("ids best first")
                .isEqualTo(List.of("p-1", "p-3"));
    }

    @Test
    void plainJsonWithoutTheWireFormatIsRefused() {
        assertThatThrownBy(() -> RecommendationsDecoder.decode(Framing.example().getBytes(StandardCharsets.UTF_8)))
                .as("unframed JSON").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> RecommendationsDecoder.decode(new byte[] {0, 0, 0}))
                .as("three bytes").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 bytes");
    }

    @Test
    void malformedJsonOrAMissingFieldIsRefusedSayingWhat() {
        assertThatThrownBy(() -> RecommendationsDecoder.decode(Framing.frame("{\"customer\":")))
                .as("cut JSON").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> RecommendationsDecoder.decode(Framing.frame("{\"recommendations\":[]}")))
                .as("no customer").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'customer'");
        assertThatThrownBy(() -> RecommendationsDecoder.decode(Framing.frame("{\"customer\":\"Eva\"}")))
                .as("no list").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'recommendations'");
    }
}
