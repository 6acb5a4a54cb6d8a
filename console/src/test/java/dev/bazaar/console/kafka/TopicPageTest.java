package dev.bazaar.console.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopicPageTest {

    private static final List<Integer> TWO_HUNDRED_FIFTY = IntStream.rangeClosed(1, 250).boxed().toList();

    @Test
    void aPageIsItsSliceOfTheWholeListAndTheLastOneMayBeShort() {
        assertThat(new TopicPage(1, 100).of(TWO_HUNDRED_FIFTY)).hasSize(100).startsWith(1).endsWith(100);
        assertThat(new TopicPage(3, 100).of(TWO_HUNDRED_FIFTY)).hasSize(50).startsWith(201).endsWith(250);
        assertThat(new TopicPage(3, 100).first()).isEqualTo(201);
        assertThat(new TopicPage(1, 100).pages(250)).isEqualTo(3);
    }

    @Test
    void pastTheLastPageIsEmptyAndAnEmptyListStillHasOnePage() {
        assertThat(new TopicPage(4, 100).of(TWO_HUNDRED_FIFTY)).isEmpty();
        assertThat(new TopicPage(Integer.MAX_VALUE, TopicPage.MAX_SIZE).of(TWO_HUNDRED_FIFTY)).isEmpty();
        assertThat(new TopicPage(1, 100).pages(0)).isEqualTo(1);
    }

    @Test
    void aPageBeforeTheFirstOrOfNoneOrTooManyTopicsIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new TopicPage(0, 100)).hasMessage("page must be 1 or more, was 0");
        assertThatThrownBy(() -> new TopicPage(1, 0)).hasMessage("size must be within 1..1000, was 0");
        assertThatThrownBy(() -> new TopicPage(1, 1001)).hasMessage("size must be within 1..1000, was 1001");
    }
}
