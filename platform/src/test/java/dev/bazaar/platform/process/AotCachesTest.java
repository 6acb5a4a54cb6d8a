package dev.bazaar.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which AOT flags a platform JVM starts with: record without a cache, use with one, none where it cannot work. */
class AotCachesTest {

    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9-LTS");
    private static final String JDK = "Eclipse Adoptium 25.0.3+9-LTS";

    @TempDir
    Path dir;

    private Path aot;
    private AotTarget target;

    @BeforeEach
    void jar() throws IOException {
        aot = dir.resolve("aot");
        Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
        target = new AotTarget("shop-api", List.of("java", "-Xmx256m", "-cp", jar.toString()),
                List.of("dev.bazaar.shop.ShopApi"), List.of(jar));
    }

    @Test
    void withoutACacheTheJvmRecordsATrainingRunAndLeavesTheRecipeToCreateItWith() throws IOException {
        // given no cache yet
        AotCaches caches = caches();

        // when the JVM starts
        AotLaunch launch = caches.launch(target);

        // then it records its configuration under its key, and the JVM part of its command line is kept
        AotKey key = AotKey.of(target, JDK);
        assertThat(launch.mode()).as("mode").isEqualTo(AotLaunch.Mode.RECORD);
        assertThat(launch.options()).as("flags")
                .containsExactly("-XX:AOTMode=record", "-XX:AOTConfiguration=" + key.configuration(aot));
        assertThat(Files.readAllLines(key.recipe(aot))).as("recipe").isEqualTo(target.jvm());
    }

    @Test
    void aRecordedRunWithoutItsCacheYetStartsWithoutFlags() throws IOException {
        // given a training run recorded, its cache not created yet
        AotKey key = AotKey.of(target, JDK);
        Files.createDirectories(aot);
        Files.writeString(key.configuration(aot), "recorded");

        // when the JVM starts again
        AotLaunch launch = caches().launch(target);

        // then it neither records again (that would overwrite the run) nor uses a cache
        assertThat(launch.mode()).as("mode").isEqualTo(AotLaunch.Mode.PENDING);
        assertThat(launch.options()).as("flags").isEmpty();
    }

    @Test
    void anEmptyConfigurationOfAJvmKilledBeforeItsExitIsRecordedAgain() throws IOException {
        // given the empty configuration a training JVM creates at its start, never filled
        AotKey key = AotKey.of(target, JDK);
        Files.createDirectories(aot);
        Files.createFile(key.configuration(aot));

        // when the JVM starts again
        AotLaunch launch = caches().launch(target);

        // then it records again
        assertThat(launch.mode()).as("mode").isEqualTo(AotLaunch.Mode.RECORD);
    }

    @Test
    void withItsCacheTheJvmMapsIt() throws IOException {
        // given the cache of this command line
        AotKey key = AotKey.of(target, JDK);
        Files.createDirectories(aot);
        Files.writeString(key.cache(aot), "cache");

        // when the JVM starts
        AotLaunch launch = caches().launch(target);

        // then it maps it, in the JVM's default auto mode (a cache it finds stale is just not used)
        assertThat(launch.mode()).as("mode").isEqualTo(AotLaunch.Mode.USE);
        assertThat(launch.options()).as("flags").containsExactly("-XX:AOTCache=" + key.cache(aot));
    }

    @Test
    void aCacheWhoseCreationFailedIsNotTrainedAgain() throws IOException {
        // given a failed creation for this key
        AotKey key = AotKey.of(target, JDK);
        Files.createDirectories(aot);
        Files.writeString(key.failure(aot), "exit 1");

        // when the JVM starts
        AotLaunch launch = caches().launch(target);

        // then it runs plain
        assertThat(launch.mode()).as("mode").isEqualTo(AotLaunch.Mode.OFF);
        assertThat(launch.options()).as("flags").isEmpty();
    }

    @Test
    void aFolderOnTheClasspathMeansNoCache() throws IOException {
        // given a classpath with a folder of classes (a reactor build's target/classes)
        Path classes = Files.createDirectories(dir.resolve("classes"));
        AotTarget withFolder = new AotTarget("kafka-main-1", List.of("java", "-cp", classes.toString()),
                List.of("kafka.Kafka"), List.of(classes));

        // when the JVM starts
        AotLaunch launch = caches().launch(withFolder);

        // then no flags: the JVM cannot archive a folder's classes
        assertThat(launch.mode()).as("mode").isEqualTo(AotLaunch.Mode.OFF);
        assertThat(launch.options()).as("flags").isEmpty();
        assertThat(launch.why()).as("why").contains(classes.toString()).contains("not a jar");
        assertThat(aot).as("nothing written").doesNotExist();
    }

    @Test
    void thePeakProfileAnOldJdkNoSupervisorOrTheSettingOffMeanNoCache() {
        // given each reason to keep AOT off
        List<AotCaches> off = List.of(
                AotCaches.of(aot, true, JvmProfile.PEAK, true, JDK_25, JDK),
                AotCaches.of(aot, true, JvmProfile.QUICK_START, true, Runtime.Version.parse("21.0.5"), "21.0.5"),
                AotCaches.of(aot, true, JvmProfile.QUICK_START, false, JDK_25, JDK),
                AotCaches.of(aot, false, JvmProfile.QUICK_START, true, JDK_25, JDK));

        // when a JVM starts under each
        List<AotLaunch> launches = off.stream().map(caches -> caches.launch(target)).toList();

        // then none adds a flag, and each says why
        assertThat(launches).as("launches").allSatisfy(launch -> {
            assertThat(launch.mode()).isEqualTo(AotLaunch.Mode.OFF);
            assertThat(launch.options()).isEmpty();
        });
        assertThat(launches).extracting(AotLaunch::why).as("why").containsExactly(
                "the peak JVM profile keeps the JVM's defaults", "JDK 21 has no AOT cache of this kind (25+)",
                "no supervisor runs to create the caches", "BAZAAR_AOT=false");
        assertThat(aot).as("nothing written").doesNotExist();
    }

    @Test
    void aNewTrainingRunDeletesWhatAnOlderBuildOfTheSameComponentLeft() throws IOException {
        // given the cache of an older build of shop-api, and one of stream-filter
        Files.createDirectories(aot);
        Path older = Files.writeString(aot.resolve("shop-api-0123456789abcdef.aot"), "old");
        Path other = Files.writeString(aot.resolve("stream-filter-0123456789abcdef.aot"), "other");

        // when shop-api starts on a new build
        caches().launch(target);

        // then only shop-api's older cache is gone
        assertThat(older).as("the older build's cache").doesNotExist();
        assertThat(other).as("another component's cache").exists();
    }

    private AotCaches caches() {
        return AotCaches.of(aot, true, JvmProfile.QUICK_START, true, JDK_25, JDK);
    }
}
