package dev.bazaar.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.client.cli.ClientCli;
import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.service.JavaService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * client-api started exactly as the launcher starts a service: its own JVM running
 * {@code dev.bazaar.client.ClientApi} from {@code client-api/target/client-api.jar} and
 * {@code target/runtime.classpath}, told {@code BAZAAR_VAR} and {@code MICRONAUT_SERVER_SSL_PORT}, ready
 * when {@code GET https://…/health} answers 200 to an anonymous caller trusting the platform CA; then
 * driven by the client CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchedClientApiIT {

    private static final Duration START_TIMEOUT = EmbeddedPlatform.START_TIMEOUT;

    private Running platform;
    private JavaService service;
    private boolean startedHere;

    @BeforeAll
    void launchLikeTheLauncher() {
        platform = Running.shared();
        Path home = Path.of(System.getProperty("bazaar.home", "..")).toAbsolutePath().normalize();
        int port = platform.platform().config().ports().clientApi();
        service = new JavaService("client-api", "dev.bazaar.client.ClientApi", home.resolve("client-api"), port,
                platform.layout());
        assertThat(service.built()).as("client-api built (target/client-api.jar and target/runtime.classpath)").isTrue();
        startedHere = service.start(platform.platform().config().jvm(), START_TIMEOUT);
    }

    @AfterAll
    void stopIt() {
        if (startedHere) {
            service.stop();
        }
    }

    @Test
    void readyProcessReportsKafkaAndElasticsearchUpOverHttps() throws Exception {
        // when the launched service's health is read, anonymously and as the client
        ClientApiHttp http = new ClientApiHttp(service.url(), platform.layout());
        ClientApiHttp.Answer anonymous = http.get("/health", null);
        ClientApiHttp.Answer health = http.get("/health", ClientApiCredentials.basic(platform.layout()));

        // then it is ready over HTTPS: the anonymous caller learns the status, the client Kafka and Elasticsearch up
        assertThat(service.url()).as("url").startsWith("https://");
        assertThat(anonymous.status()).as("anonymous health; body %s", anonymous.body()).isEqualTo(200);
        assertThat(anonymous.json().path("details").isMissingNode()).as("details shown anonymously").isTrue();
        assertThat(health.status()).as("health; body %s", health.body()).isEqualTo(200);
        JsonNode details = health.json().path("details");
        assertThat(details.path("kafka").path("status").asText()).as("kafka").isEqualTo("UP");
        assertThat(details.path("elasticsearch").path("status").asText()).as("elasticsearch").isEqualTo("UP");
    }

    @Test
    void cliReachesItWithThePlatformsCredentials() {
        // when the CLI searches for a word of no item, and asks for a customer nobody has recommendations for
        StringWriter err = new StringWriter();
        int search = cli(err, "search", "--query", "qwxzjvbn");
        int recommend = cli(err, "recommend", "--user-id", "Nobody", "--wait", "0");

        // then the service answered both: nothing found (1), not unreachable (3)
        assertThat(search).as("search exit code; err %s", err).isEqualTo(1);
        assertThat(recommend).as("recommend exit code; err %s", err).isEqualTo(1);
    }

    private int cli(StringWriter err, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url";
        all[args.length + 1] = service.url();
        all[args.length + 2] = "--var";
        all[args.length + 3] = platform.layout().root().toString();
        return ClientCli.commandLine().setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err, true)).execute(all);
    }
}
