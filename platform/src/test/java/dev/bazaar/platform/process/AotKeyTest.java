package dev.bazaar.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key of an AOT cache: changes with whatever makes the JVM refuse a cache, and only with that. */
class AotKeyTest {

    private static final String JDK = "Eclipse Adoptium 25.0.3+9-LTS";
    private static final Instant BUILT = Instant.parse("2026-12-06T22:00:00Z");

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void jar() throws IOException {
        jar = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    @Test
    void theSameCommandLineJdkAndJarsGiveTheSameKey() {
        // given the same command line twice
        AotKey first = AotKey.of(target("-Xmx256m"), JDK);

        // when it is keyed again
        AotKey second = AotKey.of(target("-Xmx256m"), JDK);

        // then the key is the same, named after the component
        assertThat(second).as("key").isEqualTo(first);
        assertThat(first.name()).as("name").matches("shop-api-[0-9a-f]{16}");
    }

    @Test
    void aRebuiltJarGivesANewKeyEvenWithTheSameSize() throws IOException {
        // given the key of the jar as built
        AotKey before = AotKey.of(target("-Xmx256m"), JDK);

        // when the jar is rebuilt (same size, a new time)
        Files.setLastModifiedTime(jar, FileTime.from(BUILT.plusSeconds(60)));

        // then the key changes
        assertThat(AotKey.of(target("-Xmx256m"), JDK)).as("key after the rebuild").isNotEqualTo(before);
    }

    @Test
    void anotherJdkBuildOrAnotherOptionGivesANewKey() {
        // given the key on one JDK with one option
        AotKey key = AotKey.of(target("-Xmx256m"), JDK);

        // when the JDK or an option differs
        AotKey otherJdk = AotKey.of(target("-Xmx256m"), "Eclipse Adoptium 25.0.4+7-LTS");
        AotKey otherOption = AotKey.of(target("--add-modules=jdk.incubator.vector"), JDK);

        // then each gets a key of its own
        assertThat(List.of(otherJdk, otherOption)).as("other keys").doesNotContain(key).doesNotHaveDuplicates();
    }

    @Test
    void aFileNameGivesBackItsKeyAndTellsAnOlderBuildOfTheSameComponent() {
        // given a key
        AotKey key = AotKey.of(target("-Xmx256m"), JDK);

        // when its files and others are read back
        // then each of its files names it, and only another key of the same component is superseded
        assertThat(AotKey.ofFile(key.cache(dir))).as("from the cache").contains(key);
        assertThat(AotKey.ofFile(key.configuration(dir))).as("from the configuration").contains(key);
        assertThat(AotKey.ofFile(dir.resolve("notes.txt"))).as("another file").isEmpty();
        assertThat(key.supersedes(dir.resolve("shop-api-0123456789abcdef.aot"))).as("older shop-api").isTrue();
        assertThat(key.supersedes(key.cache(dir))).as("itself").isFalse();
        assertThat(key.supersedes(dir.resolve("shop-api-x-0123456789abcdef.aot"))).as("another component").isFalse();
    }

    @Test
    void aMissingJarCannotBeKeyed() throws IOException {
        // given a classpath whose jar is gone
        Files.delete(jar);

        // when it is keyed, then it fails naming the jar
        assertThatThrownBy(() -> AotKey.of(target("-Xmx256m"), JDK)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(jar.toString());
    }

    private AotTarget target(String option) {
        return new AotTarget("shop-api", List.of("java", option, "-cp", jar.toString()), List.of("dev.bazaar.shop.ShopApi"),
                List.of(jar));
    }
}
