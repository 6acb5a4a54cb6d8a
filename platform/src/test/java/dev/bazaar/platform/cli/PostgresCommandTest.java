package dev.bazaar.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.RuntimeLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bazaar postgres url}: the URL of a role, for psql or JDBC, with a runtime folder of its own and no server. */
class PostgresCommandTest {

    /** The repository: tests run in platform/, whose build wrote the classpath the catalog reads. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path var;

    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void givenARuntimeFolder() {
        System.setProperty("bazaar.home", REPOSITORY.toString());
        System.setProperty("bazaar.var", var.toString());
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.clearProperty("bazaar.var");
        System.clearProperty("bazaar.home");
    }

    @Test
    void aRolesUrlCarriesItsPasswordAndThePlatformCa() {
        // given: the password the start of PostgreSQL generated
        String password = new RuntimeLayout(var).secrets().password("postgres-reader");

        // when
        int libpq = run("postgres", "url", "--role", "reader");
        String libpqUrl = stdout();
        out.reset();
        int jdbc = run("postgres", "url", "--role", "reader", "--jdbc", "--database", "other");

        // then
        assertThat(libpq).as("exit code; stderr: %s", err).isZero();
        assertThat(libpqUrl).as("libpq URL").isEqualTo("postgresql://reader:" + password + "@127.0.0.1:9032/bazaar"
                + "?sslmode=verify-full&sslrootcert=" + var.resolve("ssl/ca.pem"));
        assertThat(jdbc).as("exit code; stderr: %s", err).isZero();
        assertThat(stdout()).as("JDBC URL").isEqualTo("jdbc:postgresql://127.0.0.1:9032/other?sslmode=verify-full"
                + "&sslrootcert=" + var.resolve("ssl/ca.pem") + "&user=reader&password=" + password);
    }

    @Test
    void anUnknownRoleIsAUsageErrorListingTheRoles() {
        assertThat(run("postgres", "url", "--role", "writer")).as("exit code").isEqualTo(Bazaar.USAGE);
        assertThat(err.toString()).as("message").contains("unknown PostgreSQL role 'writer': the roles are bazaar "
                + "(the admin) and those of setup/postgres.yaml: connect, reader");
    }

    @Test
    void aRoleWithoutAPasswordYetSaysToStartPostgres() {
        assertThat(run("postgres", "url")).as("exit code").isEqualTo(Bazaar.FAILURE);
        assertThat(err.toString()).as("message").contains("the admin role bazaar has no password yet: ./bazaar up creates it");
    }

    private int run(String... args) {
        CommandLine commandLine = Bazaar.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
