package dev.bazaar.shop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/** {@code bazaar shop generate}: its summary and exit codes against a real shop-api on the real cluster. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenerateCommandIT implements TestPropertyProvider {

    /**
     * Unique to this run: the customers of the generated orders, which stay on the build's platform and
     * flow into HDFS, where later modules' analytics must not count them as their own customers' orders.
     */
    private static final String RUN = "generate-it-" + UUID.randomUUID().toString().substring(0, 8);

    private Running platform;

    @Inject
    EmbeddedServer server;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        return Map.of("shop.var-dir", platform.layout().root().toString(), "micronaut.server.ssl.port", "-1");
    }

    @Test
    void itemsOfTheCatalogAreAllAcknowledged() {
        int code = run("generate", "items", "--count", "45", "--batch", "20");
        assertThat(code).as("exit code; stderr %s", err).isZero();
        assertThat(out.toString()).as("summary").contains("items: sent 45, acknowledged 45, failed 0");
        assertThat(err.toString()).as("progress bar").contains("45/45");
    }

    @Test
    void ordersOfTheGivenCustomersAreAllAcknowledged() {
        int code = run("generate", "orders", "--count", "12", "--customers", RUN + "-a," + RUN + "-b", "--rate", "200");
        assertThat(code).as("exit code; stderr %s", err).isZero();
        assertThat(out.toString()).as("summary").contains("orders: sent 12, acknowledged 12, failed 0");
    }

    @Test
    void subscribersAreRowsOfTheSubscriberTableAndASecondRunAddsNone() throws Exception {
        // given two customers of this run
        String customers = RUN + "-sub-a," + RUN + "-sub-b";
        // when seeded twice, two stores each
        int first = run("generate", "subscribers", "--customers", customers, "--count", "2");
        String firstSummary = out.toString();
        int second = run("generate", "subscribers", "--customers", customers, "--count", "2");
        // then the table holds four rows of them, on two stores each, written once
        assertThat(first).as("exit code; stderr %s", err).isZero();
        assertThat(second).as("exit code; stderr %s", err).isZero();
        assertThat(firstSummary).as("first summary").contains("subscribers: 2 customers, 4 new subscriptions, "
                + "0 already there");
        assertThat(out.toString()).as("second summary").contains("subscribers: 2 customers, 0 new subscriptions, "
                + "4 already there");
        PostgresLogin reader = PostgresLogin.resolve(Map.of(), platform.layout(), "reader");
        try (Connection connection = reader.connect("GenerateCommandIT");
                PreparedStatement rows = connection.prepareStatement("SELECT client_id, count(DISTINCT restaurant_id), "
                        + "count(*) FROM subscribers_restaurants WHERE client_id LIKE ? GROUP BY client_id")) {
            rows.setString(1, RUN + "-sub-%");
            Map<String, List<Long>> found = new java.util.TreeMap<>();
            try (ResultSet result = rows.executeQuery()) {
                while (result.next()) {
                    found.put(result.getString(1), List.of(result.getLong(2), result.getLong(3)));
                }
            }
            assertThat(found).isEqualTo(Map.of(RUN + "-sub-a", List.of(2L, 2L), RUN + "-sub-b", List.of(2L, 2L)));
        }
    }

    @Test
    void unreachableShopApiFailsWithExitCode1AndSaysWhy() {
        int code = commandLine().execute("generate", "items", "--count", "5",
                "--url", "https://127.0.0.1:1", "--var", platform.layout().root().toString());
        assertThat(code).as("exit code").isEqualTo(1);
        assertThat(out.toString()).as("summary").contains("items: sent 5, acknowledged 0, failed 5", "first error:");
    }

    @Test
    void badArgumentsAreAUsageError() {
        assertThat(run("generate", "widgets")).as("unknown WHAT").isEqualTo(2);
        assertThat(err.toString()).as("message").contains("unknown WHAT 'widgets'");
        assertThat(run("generate", "orders", "--count", "0")).as("zero count").isEqualTo(2);
    }

    private int run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url";
        all[args.length + 1] = server.getURL().toString();
        all[args.length + 2] = "--var";
        all[args.length + 3] = platform.layout().root().toString();
        return commandLine().execute(all);
    }

    private CommandLine commandLine() {
        return new CommandLine(new ShopCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }
}
