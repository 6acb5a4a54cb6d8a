package dev.bazaar.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void passwordIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        // given an empty secrets folder
        Secrets secrets = new Secrets(dir.resolve("secrets"));

        // when the same secret is asked twice, and another once
        String first = secrets.password("shop");
        String again = secrets.password("shop");
        String other = secrets.password("client");

        // then it is generated once, kept owner-only, and differs between names
        assertThat(first).as("generated password").hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(again).as("password asked again").isEqualTo(first);
        assertThat(other).as("another principal's password").isNotEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file("shop"))))
                .as("mode of the secret file").isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets"))))
                .as("mode of the secrets folder").isEqualTo("rwx------");
    }

    @Test
    void threadsThatAskForANewSecretAtOnceAllGetTheOneThatWasStored() throws Exception {
        // given many threads (as the launcher's parallel start has) and an empty secrets folder
        Path folder = dir.resolve("secrets");
        int threads = 16;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return new Secrets(folder).password("admin");
                }));
            }

            // when they all ask for the same new secret at once
            go.countDown();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (var answer : answers) {
                seen.add(answer.get());
            }

            // then every one got the same password, the one on disk, and no temporary file is left
            assertThat(seen).as("passwords the threads got").containsExactly(new Secrets(folder).password("admin"));
            try (var files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("files in the secrets folder")
                        .containsExactly("admin.password");
            }
        }
    }

    @Test
    void nameThatCouldEscapeTheFolderIsRefused() {
        Secrets secrets = new Secrets(dir);
        assertThatThrownBy(() -> secrets.password("../etc/passwd"))
                .as("a secret named with a path").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid secret name '../etc/passwd'");
    }

    @Test
    void emptySecretFileIsAnErrorNotAnEmptyPassword() throws Exception {
        Secrets secrets = new Secrets(dir);
        Files.writeString(secrets.file("shop"), "\n");
        assertThatThrownBy(() -> secrets.password("shop")).as("an emptied secret")
                .hasMessageContaining("is empty");
    }
}
