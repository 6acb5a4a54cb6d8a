package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.ssl.CertificateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's PostgreSQL as a client no one here wrote sees it — Debian's {@code psql} — with the
 * URL {@code bazaar postgres url} prints: TLS verified against the platform CA, SCRAM, logical WAL;
 * refused without TLS, with a wrong password, and to a client that trusts another CA than the platform's.
 */
@ExtendWith(EmbeddedPlatform.class)
class PostgresIT {

    @Test
    void psqlLogsInOverVerifiedTlsAndTheServerKeepsLogicalWal(Running platform) throws Exception {
        // given the URL of the superuser role
        PostgresServer postgres = platform.platform().postgres();
        String url = postgres.libpqUrl(PostgresServer.ADMIN, postgres.adminPassword(), PostgresServer.DATABASE);

        // when psql runs a query with it
        Psql answer = psql(url, "SELECT current_user, current_database(), s.ssl, s.version FROM pg_stat_ssl s "
                + "WHERE s.pid = pg_backend_pid(); SHOW wal_level; SHOW password_encryption");

        // then it is the role on the platform's database over TLS, and WAL is logical from the start
        assertThat(answer.exit()).as("psql exit, output: %s", answer.output()).isZero();
        assertThat(answer.output().lines().toList()).as("psql output").startsWith(
                "bazaar|bazaar|t|TLSv1.3", "logical", "scram-sha-256");
    }

    @Test
    void withoutTlsWithAWrongPasswordOrWithoutThePlatformCaNoOneGetsIn(Running platform, @TempDir Path other)
            throws Exception {
        PostgresServer postgres = platform.platform().postgres();
        String base = "postgresql://bazaar:" + postgres.adminPassword() + "@127.0.0.1:" + postgres.port() + "/bazaar";
        CertificateStore otherCa = new CertificateStore(other, "a".toCharArray(), "b".toCharArray(), "c".toCharArray());
        otherCa.ensureAuthority();

        // when a client connects without TLS, with a wrong password, and trusting another CA than the platform's
        Psql plain = psql(base + "?sslmode=disable", "SELECT 1");
        Psql wrong = psql("postgresql://bazaar:not-the-password@127.0.0.1:" + postgres.port() + "/bazaar?sslmode=require",
                "SELECT 1");
        Psql untrusted = psql(base + "?sslmode=verify-full&sslrootcert=" + otherCa.caPem(), "SELECT 1");

        // then each is refused, saying why
        assertThat(plain.exit()).as("without TLS: %s", plain.output()).isNotZero();
        assertThat(plain.output()).contains("no pg_hba.conf entry", "no encryption");
        assertThat(wrong.exit()).as("wrong password: %s", wrong.output()).isNotZero();
        assertThat(wrong.output()).contains("password authentication failed for user \"bazaar\"");
        assertThat(untrusted.exit()).as("without the platform CA: %s", untrusted.output()).isNotZero();
        assertThat(untrusted.output()).contains("certificate verify failed");
    }

    @Test
    void aRowWrittenBeforeStopIsThereAfterStart(Running platform) throws Exception {
        // given a row in a table of this run's own
        PostgresServer postgres = platform.platform().postgres();
        String url = postgres.libpqUrl(PostgresServer.ADMIN, postgres.adminPassword(), PostgresServer.DATABASE);
        String table = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        assertThat(psql(url, "CREATE TABLE " + table + " (x int); INSERT INTO " + table + " VALUES (42)").exit())
                .as("create").isZero();

        // when PostgreSQL is stopped and started again
        platform.platform().stop(PostgresServer.COMPONENT);
        assertThat(postgres.process().running()).as("after stop").isEmpty();
        List<ComponentStatus> statuses = platform.platform().start(PostgresServer.COMPONENT, System.out);

        // then it is healthy and the row is still there
        assertThat(statuses).filteredOn(s -> s.component().equals(PostgresServer.COMPONENT))
                .extracting(ComponentStatus::state).containsExactly(ComponentStatus.State.HEALTHY);
        Psql read = psql(url, "SELECT x FROM " + table + "; DROP TABLE " + table);
        assertThat(read.output().lines().findFirst()).as("row after restart: %s", read.output()).hasValue("42");
    }

    private record Psql(int exit, String output) {
    }

    /** Runs Debian's psql (installed by ./bazaar) with {@code url}; no password prompt, no ~/.psqlrc. */
    private static Psql psql(String url, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", url, "-X", "-w", "-At", "-v", "ON_ERROR_STOP=1"));
        for (String statement : sql.split(";")) {
            command.addAll(List.of("-c", statement.strip()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGCONNECT_TIMEOUT", "10"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish within 30 s: " + output);
        }
        return new Psql(process.exitValue(), output);
    }
}
