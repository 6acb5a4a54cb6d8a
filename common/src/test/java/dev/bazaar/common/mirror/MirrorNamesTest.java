package dev.bazaar.common.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MirrorNamesTest {

    @Test
    void aCopyIsNamedAfterTheSourceClusterAndLeadsBackToItsMainPartition() {
        // given / when
        String copy = MirrorNames.mirrored("items");

        // then
        assertThat(copy).as("the copy of items").isEqualTo("main.items");
        assertThat(MirrorNames.source(new TopicPartition(copy, 3))).as("its partition 3 on main")
                .isEqualTo(new TopicPartition("items", 3));
        assertThat(MirrorNames.CHECKPOINTS).isEqualTo("main.checkpoints.internal");
        assertThat(MirrorNames.SOURCE_OFFSETS).isEqualTo("mm2-offsets.main.internal");
    }

    @Test
    void aTopicThatIsNoCopyHasNoSource() {
        assertThatThrownBy(() -> MirrorNames.source(new TopicPartition("items", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a copy of a main topic: items");
    }
}
