package dev.bazaar.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a platform JVM's command line puts its AOT flags, and that they never change its cache's key. */
class JavaCommandTest {

    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9-LTS");
    private static final String JDK = "Eclipse Adoptium 25.0.3+9-LTS";

    @TempDir
    Path dir;

    private Path aot;
    private Path jar;

    @BeforeEach
    void jar() throws IOException {
        aot = dir.resolve("aot");
        jar = Files.write(dir.resolve("kafka.jar"), new byte[] {1});
    }

    @Test
    void theFlagsFollowTheMarkerAndTheSameCommandLineFindsItsCacheOnceCreated() throws IOException {
        // given a JVM with AOT caches and none created yet
        JavaCommand java = new JavaCommand(new Jvm("java", JvmProfile.QUICK_START, caches()), jar.toString(), null);

        // when it starts, then once its cache exists
        List<String> first = java.command("main-1", List.of("-Xmx512m"), "kafka.Kafka", List.of("server.properties"));
        Path configuration = Path.of(first.get(3).substring("-XX:AOTConfiguration=".length()));
        Path cache = configuration.resolveSibling(configuration.getFileName().toString().replace(".aotconf", ".aot"));
        Files.writeString(cache, "cache");
        List<String> second = java.command("main-1", List.of("-Xmx512m"), "kafka.Kafka", List.of("server.properties"));

        // then the first records right after the marker, and the second maps the cache of the same key
        assertThat(first.subList(0, 4)).as("first start").containsExactly("java", ManagedProcess.MARKER + "main-1",
                "-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration);
        assertThat(first.subList(first.size() - 4, first.size())).as("its end")
                .containsExactly("-cp", jar.toString(), "kafka.Kafka", "server.properties");
        assertThat(second.subList(0, 3)).as("next start").containsExactly("java", ManagedProcess.MARKER + "main-1",
                "-XX:AOTCache=" + cache);
    }

    @Test
    void aSelfContainedJarIsKeyedByTheJar() {
        // given a JVM with AOT caches
        JavaCommand java = new JavaCommand(new Jvm("java", JvmProfile.QUICK_START, caches()), "", null);

        // when it runs a jar
        List<String> command = java.jar("registry", List.of("-Xmx384m"), jar);

        // then it records, and the jar ends the line
        assertThat(command).as("command").contains("-XX:AOTMode=record").endsWith("-jar", jar.toString());
    }

    @Test
    void withoutCachesTheCommandLineIsAsBefore() {
        // given the peak profile
        JavaCommand java = new JavaCommand(new Jvm("java", JvmProfile.PEAK,
                AotCaches.of(aot, true, JvmProfile.PEAK, true, JDK_25, JDK)), jar.toString(), null);

        // when a JVM starts
        List<String> command = java.command("main-1", List.of("-Xmx512m"), "kafka.Kafka", List.of());

        // then no AOT flag
        assertThat(command).as("command").noneMatch(argument -> argument.startsWith("-XX:AOT"))
                .startsWith("java", ManagedProcess.MARKER + "main-1", "-Xmx512m");
    }

    private AotCaches caches() {
        return AotCaches.of(aot, true, JvmProfile.QUICK_START, true, JDK_25, JDK);
    }
}
