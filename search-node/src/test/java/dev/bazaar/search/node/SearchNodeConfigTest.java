package dev.bazaar.search.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchNodeConfigTest {

    @TempDir
    Path dir;

    private Path modules;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void modulesFolder() throws IOException {
        modules = Files.createDirectories(dir.resolve("modules"));
        Files.createDirectories(modules.resolve(SearchNodeConfig.NETTY4_MODULE));
        env.put(SearchNodeConfig.HOME, dir.resolve("home").toString());
    }

    @Test
    void defaultsPathsUnderHomeAndModulesBesideTheJar() {
        // when
        SearchNodeConfig config = SearchNodeConfig.fromEnvironment(env, modules);

        // then
        assertThat(config.data()).as("data").isEqualTo(dir.resolve("home/data"));
        assertThat(config.logs()).as("logs").isEqualTo(dir.resolve("home/logs"));
        assertThat(config.modules()).as("modules").isEqualTo(modules);
        assertThat(config.httpPort()).as("http port").isEqualTo(SearchNodeConfig.HTTP_PORT_DEFAULT);
        assertThat(config.transportPort()).as("transport port").isEqualTo(SearchNodeConfig.TRANSPORT_PORT_DEFAULT);
    }

    @Test
    void readsEveryVariable() {
        // given
        env.put(SearchNodeConfig.DATA, dir.resolve("d").toString());
        env.put(SearchNodeConfig.LOGS, dir.resolve("l").toString());
        env.put(SearchNodeConfig.MODULES, modules.toString());
        env.put(SearchNodeConfig.HTTP_PORT, "22200");
        env.put(SearchNodeConfig.TRANSPORT_PORT, " 22300 ");

        // when
        SearchNodeConfig config = SearchNodeConfig.fromEnvironment(env, dir.resolve("elsewhere"));

        // then
        assertThat(config).as("config")
                .isEqualTo(new SearchNodeConfig(dir.resolve("home"), dir.resolve("d"), dir.resolve("l"), modules, 22200, 22300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "0", "65536", "-1", "9200.5"})
    void rejectsABadHttpPortNamingTheVariable(String port) {
        // given
        env.put(SearchNodeConfig.HTTP_PORT, port);

        // when / then
        assertThatThrownBy(() -> SearchNodeConfig.fromEnvironment(env, modules))
                .as("port %s", port)
                .isInstanceOf(SearchNodeConfigException.class)
                .hasMessageStartingWith("BAZAAR_HTTP_PORT='" + port + "' is invalid")
                .extracting(e -> ((SearchNodeConfigException) e).variable()).isEqualTo(SearchNodeConfig.HTTP_PORT);
    }

    @Test
    void rejectsTheSamePortTwice() {
        // given
        env.put(SearchNodeConfig.HTTP_PORT, "22200");
        env.put(SearchNodeConfig.TRANSPORT_PORT, "22200");

        // when / then
        assertThatThrownBy(() -> SearchNodeConfig.fromEnvironment(env, modules))
                .hasMessage("BAZAAR_ES_TRANSPORT_PORT='22200' is invalid: the same port as BAZAAR_HTTP_PORT");
    }

    @Test
    void requiresHome() {
        // given
        env.remove(SearchNodeConfig.HOME);

        // when / then
        assertThatThrownBy(() -> SearchNodeConfig.fromEnvironment(env, modules))
                .hasMessage("BAZAAR_ES_HOME=<unset> is invalid: required: a folder path");
    }

    @Test
    void requiresTheNetty4Module() {
        // given
        env.put(SearchNodeConfig.MODULES, dir.resolve("empty").toString());

        // when / then
        assertThatThrownBy(() -> SearchNodeConfig.fromEnvironment(env, modules))
                .isInstanceOf(SearchNodeConfigException.class)
                .hasMessageStartingWith("BAZAAR_ES_MODULES='" + dir.resolve("empty") + "' is invalid: no transport-netty4/");
    }
}
