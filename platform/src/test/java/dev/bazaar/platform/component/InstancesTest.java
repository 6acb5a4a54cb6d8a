package dev.bazaar.platform.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstancesTest {

    @TempDir
    Path var;

    @Test
    void aComponentRunsOneInstanceUntilScaledAndTheCountOutlivesTheCommand() {
        // given a fresh runtime folder
        Instances instances = new Instances(new RuntimeLayout(var));
        assertThat(instances.of("stream-filter")).as("before scale").isEqualTo(1);

        // when stream-filter is scaled to 3, then back to 1
        instances.set("stream-filter", 3);

        // then a later reader of the same folder sees the count, and scaling to 1 forgets it
        assertThat(new Instances(new RuntimeLayout(var)).of("stream-filter")).as("after scale 3").isEqualTo(3);
        assertThat(instances.of("shop-api")).as("another component").isEqualTo(1);
        instances.set("stream-filter", 1);
        assertThat(instances.of("stream-filter")).as("after scale 1").isEqualTo(1);
    }

    @Test
    void aCountOutsideOneToNineIsRefusedNamingTheComponent() {
        Instances instances = new Instances(new RuntimeLayout(var));
        assertThatThrownBy(() -> instances.set("stream-filter", 0))
                .hasMessage("instances of stream-filter must be within 1..9, was 0");
        assertThatThrownBy(() -> instances.set("stream-filter", 10))
                .hasMessage("instances of stream-filter must be within 1..9, was 10");
        assertThat(instances.of("stream-filter")).as("count kept").isEqualTo(1);
    }
}
