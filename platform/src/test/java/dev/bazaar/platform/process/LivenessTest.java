package dev.bazaar.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivenessTest {

    @TempDir
    Path folder;

    @Test
    void aZombieOrDeadProcessHasExitedWhateverItsNameHolds() throws IOException {
        assertThat(Liveness.exited(stat("4242 (postgres) Z 1 4242 4242 0 -1"))).as("zombie").isTrue();
        assertThat(Liveness.exited(stat("4242 (a) b) X 1 4242"))).as("dead, parenthesis in the name").isTrue();
        assertThat(Liveness.exited(stat("4242 (java) S 1 4242 4242 0 -1"))).as("sleeping").isFalse();
        assertThat(Liveness.exited(stat("4242 (Z) R 1"))).as("running, named Z").isFalse();
        assertThat(Liveness.exited(folder.resolve("none"))).as("no such process").isFalse();
    }

    @Test
    void thisProcessIsAlive() {
        assertThat(Liveness.alive(ProcessHandle.current())).isTrue();
    }

    private Path stat(String line) throws IOException {
        return Files.writeString(Files.createTempFile(folder, "stat", ""), line);
    }
}
