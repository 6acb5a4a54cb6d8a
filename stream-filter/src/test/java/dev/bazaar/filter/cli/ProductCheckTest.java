package dev.bazaar.filter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.Response;
import dev.bazaar.common.http.SecureHttpServer;
import dev.bazaar.platform.it.IssuedTls;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bazaar filter block|unblock} asks stream-filter over HTTPS as ops, and tells an unknown product
 * (exit 2) from a refusal or a filter that is not ready (exit 1). A stand-in stream-filter answers, with
 * the real HTTPS edge in front of it; no answer here leads to Kafka.
 */
class ProductCheckTest {

    @TempDir
    Path var;

    private RuntimeLayout layout;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void issue() {
        layout = IssuedTls.issue(var, ProductCheck.SERVICE);
    }

    @Test
    void aProductTheFilterDoesNotKnowIsExitCode2() {
        try (SecureHttpServer filter = filter(Access.users(HttpUser.OPS, HttpUser.ADMIN), 404,
                "{\"productId\":\"p-00001\",\"known\":false,\"blocked\":false}")) {
            assertThat(run(filter, "block", "p-00001")).as("block exit code").isEqualTo(2);
            assertThat(err.toString()).as("message").contains("unknown product id 'p-00001'", "--force");
            assertThat(run(filter, "unblock", "p-00001")).as("unblock exit code").isEqualTo(2);
        }
    }

    @Test
    void aRefusalOfTheOpsCredentialIsExitCode1NotAnUnknownProduct() {
        try (SecureHttpServer filter = filter(Access.users(HttpUser.ADMIN), 200, "{}")) {
            assertThat(run(filter, "block", "p-00001")).as("exit code").isEqualTo(1);
            assertThat(err.toString()).as("message").contains("refused the look-up of /products/p-00001 as ops (403)",
                    "Forbidden");
        }
    }

    @Test
    void aRouteTheFilterDoesNotHaveIsExitCode1NotAnUnknownProduct() {
        try (SecureHttpServer filter = SecureHttpServer.builder("stream-filter")
                .get("/health", Access.anonymousOr(HttpUser.OPS), request -> Response.json(200, "{\"status\":\"UP\"}"))
                .start(layout, 0)) {
            assertThat(run(filter, "block", "p-00001")).as("exit code").isEqualTo(1);
            assertThat(err.toString()).as("message").contains("(404)", "Not Found");
        }
    }

    @Test
    void aFilterWhoseStoresAreNotReadyIsExitCode1() {
        try (SecureHttpServer filter = filter(Access.users(HttpUser.OPS, HttpUser.ADMIN), 503,
                "{\"error\":\"stores not queryable yet (REBALANCING)\"}")) {
            assertThat(run(filter, "block", "p-00001")).as("exit code").isEqualTo(1);
            assertThat(err.toString()).as("message").contains("is not ready: stores not queryable yet (REBALANCING)");
        }
    }

    @Test
    void aPlainHttpUrlIsNotAnsweredAndSaysSo() {
        try (SecureHttpServer filter = filter(Access.users(HttpUser.OPS), 200, "{}")) {
            int exit = execute("block", "p-00001", "--filter-url", "http://127.0.0.1:" + filter.port());

            assertThat(exit).as("exit code").isEqualTo(1);
            assertThat(err.toString()).as("message").contains("does not answer", "--force");
        }
    }

    /** A stand-in stream-filter whose {@code /products/{id}}, open to {@code access}, answers {@code status} and {@code body}. */
    private SecureHttpServer filter(Access access, int status, String body) {
        return SecureHttpServer.builder("stream-filter")
                .get("/products/{id}", access, request -> Response.json(status, body))
                .start(layout, 0);
    }

    private int run(SecureHttpServer filter, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--filter-url";
        all[args.length + 1] = "https://127.0.0.1:" + filter.port();
        return execute(all);
    }

    private int execute(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--var";
        all[args.length + 1] = var.toString();
        CommandLine commandLine = FilterCli.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(all);
    }
}
