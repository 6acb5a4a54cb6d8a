package dev.bazaar.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamFilterAppTest {

    @Test
    void eachInstanceIsItsOwnStaticMemberAndTheFirstKeepsItsNameWhetherNumberedOrNot() {
        assertThat(StreamFilterApp.groupInstanceId(null)).isEqualTo("stream-filter-1");
        assertThat(StreamFilterApp.groupInstanceId(" 1 ")).isEqualTo("stream-filter-1");
        assertThat(StreamFilterApp.groupInstanceId("2")).isEqualTo("stream-filter-2");
    }

    @Test
    void aMalformedInstanceNumberIsRefusedRatherThanSharingAMemberName() {
        assertThatThrownBy(() -> StreamFilterApp.groupInstanceId("two")).isInstanceOf(NumberFormatException.class);
    }
}
