package dev.bazaar.events.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.EventKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The events CLI: its argument errors (exit 2), a missing platform (exit 3), and send against a canned events-api. */
class EventsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path var;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("send", "--count", "0"), "--count must be at least 1"),
                Arguments.of(List.of("send", "--duplicates", "1"), "--duplicates must be at least 0 and below 1"),
                Arguments.of(List.of("send", "--duplicates", "-0.1"), "--duplicates must be at least 0 and below 1"),
                Arguments.of(List.of("send", "--rate", "-5"), "--rate must be"),
                Arguments.of(List.of("send", "--kind", "click"), "--kind must be one of view-event, product_events"),
                Arguments.of(List.of("send", "--concurrency", "0"), "--concurrency must be within 1..256"),
                Arguments.of(List.of("send", "--count", "many"), "--count"),
                Arguments.of(List.of("stats", "--timeout", "soon"), "--timeout must be a positive number"),
                Arguments.of(List.of("send", "--bogus"), "Unknown option: '--bogus'"),
                Arguments.of(List.of("resend"), "Unmatched argument"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsExit2NamingTheOption(List<String> args, String message) {
        // when the CLI is given a bad argument
        int code = run(args.toArray(String[]::new));

        // then it exits 2 and says what is wrong
        assertThat(code).as("exit code of %s; err %s", args, err).isEqualTo(EventsCli.USAGE);
        assertThat(err.toString()).as("err of %s", args).contains(message);
    }

    @Test
    void sendWithoutAPlatformExits3SayingWhatToStart() {
        int code = run("send", "--url", "https://localhost:1");
        assertThat(code).as("exit code; err %s", err).isEqualTo(EventsCli.SERVICE_ERROR);
        assertThat(err.toString()).as("err").contains("no events-api credentials").contains("./bazaar up");
    }

    @Test
    void sendPostsEveryEventWithTheCredentialsAndTheExactShareOfCopies() throws IOException {
        // given a canned events-api that acknowledges everything
        RuntimeLayout layout = new RuntimeLayout(var);
        try (CannedEventsApi api = new CannedEventsApi(layout)) {

            // when 20 view events are sent, 25 % of them copies, by 3 senders
            int code = run("send", "--count", "20", "--duplicates", "0.25", "--concurrency", "3", "--seed", "7",
                    "--url", api.url());

            // then 20 requests came with the credentials, 15 of them different events and 5 exact copies
            assertThat(code).as("exit code; err %s", err).isZero();
            assertThat(out.toString()).as("summary")
                    .contains("view-event: sent 20 (unique 15, duplicates 5), acknowledged 20, failed 0");
            List<CannedEventsApi.Request> requests = api.requests();
            assertThat(requests).as("requests").hasSize(20).allSatisfy(request -> {
                assertThat(request.method() + " " + request.pathAndQuery()).isEqualTo("POST /events?kind=view-event");
                assertThat(request.authorization()).isEqualTo(EventsApiCredentials.basic(layout));
                assertThat(request.contentType()).isEqualTo("application/json");
            });
            Set<String> bodies = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (CannedEventsApi.Request request : requests) {
                bodies.add(Arrays.toString(request.body()));
                keys.add(DedupKey.hex(DedupKey.of(JSON.readTree(request.body()), EventKind.VIEW_EVENT.defaultKeyFields())));
            }
            assertThat(bodies).as("distinct bodies").hasSize(15);
            assertThat(keys).as("distinct keys").hasSize(15);
            assertThat(err.toString()).as("progress bar").contains("view-event [").contains("20/20 acknowledged 20");
        }
    }

    @Test
    void eventsNotAcknowledgedExit1WithTheFirstError() throws IOException {
        try (CannedEventsApi api = new CannedEventsApi(new RuntimeLayout(var)).answer(503)) {
            int code = run("send", "--count", "3", "--duplicates", "0", "--kind", "product_events", "--url", api.url());
            assertThat(code).as("exit code; err %s", err).isEqualTo(1);
            assertThat(out.toString()).as("summary").contains("product_events: sent 3 (unique 3, duplicates 0), "
                    + "acknowledged 0, failed 3").contains("first error: events-api answered 503");
            JsonNode sent = JSON.readTree(api.requests().getFirst().body());
            assertThat(sent.path("event_name").asText()).as("a product event's name").isNotEmpty();
        }
    }

    private int run(String... args) {
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--var", var.toString())).toArray(String[]::new);
        if (args.length > 0 && (args[0].equals("resend") || Arrays.asList(args).contains("--bogus"))) {
            all = args;
        }
        return EventsCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(all);
    }
}
