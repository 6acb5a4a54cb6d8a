package dev.bazaar.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the supervisor creates caches from, and how. */
class AotCacheCreatorTest {

    private static final Instant NOW = Instant.parse("2026-12-06T22:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theCreationRunsTheTrainingRunsOptionsNicedAfterTheCreateFlags() {
        // given the recipe of a Kafka node's training run, with its metrics agent
        List<String> recipe = List.of("/jdk/bin/java", "-Xmx512m", "-javaagent:/agents/jmx.jar=9101:/rules.yml",
                "-XX:+UseSerialGC", "-cp", "/lib/kafka.jar");

        // when its creation's command line is built
        List<String> command = AotCacheCreator.command(recipe, Path.of("/aot/main-1.aotconf"), Path.of("/aot/main-1.aot"));

        // then it is the same JVM with the create flags first, the agent kept (java.instrument must be in the cache)
        assertThat(command).as("command").endsWith("/jdk/bin/java", "-XX:AOTMode=create",
                "-XX:AOTConfiguration=/aot/main-1.aotconf", "-XX:AOTCache=/aot/main-1.aot", "-Xmx512m",
                "-javaagent:/agents/jmx.jar=9101:/rules.yml", "-XX:+UseSerialGC", "-cp", "/lib/kafka.jar");
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            assertThat(command).as("niced").startsWith("/usr/bin/nice", "-n", "19");
        }
    }

    @Test
    void onlySettledTrainingRunsWithARecipeAndNoCacheArePending() throws IOException {
        // given runs recorded a minute ago (one with its cache, one failed, one without recipe) and one just now
        AotKey ready = key("connect");
        AotKey created = key("elasticsearch");
        AotKey failed = key("shop-api");
        AotKey noRecipe = key("stream-filter");
        AotKey writing = key("supervisor");
        for (AotKey key : List.of(ready, created, failed, noRecipe, writing)) {
            Files.writeString(key.configuration(dir), "recorded");
            Files.setLastModifiedTime(key.configuration(dir), FileTime.from(NOW.minusSeconds(key == writing ? 1 : 60)));
            if (key != noRecipe) {
                Files.write(key.recipe(dir), List.of("java", "-cp", "app.jar"));
            }
        }
        Files.writeString(created.cache(dir), "cache");
        Files.writeString(failed.failure(dir), "exit 1");

        // when the creator looks
        List<AotKey> pending = creator().pending();

        // then only the settled run with a recipe, neither created nor failed, waits
        assertThat(pending).as("pending").containsExactly(ready);
    }

    @Test
    void aTrainingRunStillRecordingOrOnlyStartedIsNotPending() throws IOException, InterruptedException {
        // given two settled configurations with recipes: one empty (its JVM was killed before its exit),
        // one a running JVM still records into
        AotKey started = key("registry");
        AotKey recording = key("connect");
        for (AotKey key : List.of(started, recording)) {
            Files.writeString(key.configuration(dir), key == started ? "" : "recorded so far");
            Files.setLastModifiedTime(key.configuration(dir), FileTime.from(NOW.minusSeconds(60)));
            Files.write(key.recipe(dir), List.of("java", "-cp", "app.jar"));
        }
        Process recorder = new ProcessBuilder("/bin/sh", "-c", "sleep 30", "-XX:AOTMode=record",
                "-XX:AOTConfiguration=" + recording.configuration(dir)).start();
        try {
            // when the creator looks
            List<AotKey> pending = creator().pending();

            // then neither waits for a cache
            assertThat(pending).as("pending").isEmpty();
        } finally {
            recorder.destroy();
            recorder.waitFor();
        }
    }

    @Test
    void aFailedCreationIsMarkedSoThatItsComponentIsNotTrainedAgain() throws IOException {
        // given a training run whose creation fails (its java exits with 1)
        AotKey key = key("connect");
        Files.writeString(key.configuration(dir), "recorded");
        Files.write(key.recipe(dir), List.of("/bin/false", "-cp", "app.jar"));

        // when the creator creates it
        boolean created;
        try (AotCacheCreator creator = creator()) {
            created = creator.create(key);
        }

        // then no cache, and the failure is recorded with where to look
        assertThat(created).as("created").isFalse();
        assertThat(key.cache(dir)).as("cache").doesNotExist();
        assertThat(Files.readString(key.failure(dir))).as("failure").contains("exited with 1").contains("aot.log");
    }

    private static AotKey key(String component) {
        return new AotKey(component, "0123456789abcdef");
    }

    private AotCacheCreator creator() {
        return new AotCacheCreator(dir, dir.resolve("logs/aot.log"), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
