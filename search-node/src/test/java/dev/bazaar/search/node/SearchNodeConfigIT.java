package dev.bazaar.search.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The packaged node refuses bad settings with exit code 2 and a message naming the variable. */
class SearchNodeConfigIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void exitsWithCode2NamingABadPort() throws Exception {
        // given
        Path var = Path.of(System.getProperty("bazaar.it.var", "target/it-var")).toAbsolutePath().resolve("search-node-bad");

        // when
        SearchNodeProcess node = SearchNodeProcess.start(var, Map.of(
                SearchNodeConfig.HOME, var.resolve("home").toString(),
                SearchNodeConfig.HTTP_PORT, "92OO"));
        try {
            Optional<Integer> exitCode = node.awaitExit(EXIT_TIMEOUT);

            // then
            assertThat(exitCode).as("exit code").contains(SearchNodeMain.EXIT_BAD_CONFIG);
            assertThat(node.log()).as("log").contains("BAZAAR_HTTP_PORT='92OO' is invalid: not a port number");
        } finally {
            node.kill();
        }
    }
}
