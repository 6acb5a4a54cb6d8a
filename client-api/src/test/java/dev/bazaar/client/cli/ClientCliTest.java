package dev.bazaar.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client CLI against a canned client-api: what it asks, what it prints, and its exit codes. */
class ClientCliTest {

    private static final String TWO_DUMBBELLS = """
            {"searchId":"s-1","query":"гантели","user":"Charlie","page":1,"pageSize":10,"total":2,"results":[
             {"id":"dumbbells-2x10","name":{"ru":"Гантели разборные 2×10 кг","en":"Adjustable dumbbells 2×10 kg"},
              "category":"sports","price":{"amount":4990.99,"currency":"RUB"}},
             {"id":"dumbbells-2x3","name":{"ru":"Гантели 2×3 кг","en":"Dumbbells 2×3 kg"},
              "category":"sports","price":{"amount":1290,"currency":"RUB"}}]}""";
    private static final String NOTHING = """
            {"searchId":"s-2","query":"zzzz","user":"client","page":1,"pageSize":10,"total":0,"results":[]}""";
    private static final String EVA = """
            {"customer":"Eva","generatedAt":"2026-11-23T10:00:00Z",
             "period":{"from":"2026-10-24T00:00:00Z","to":"2026-11-23T00:00:00Z"},
             "recommendations":[
              {"rank":1,"productId":"yoga-mat-183","name":{"ru":"Коврик для йоги","en":"Yoga mat"},"category":"sports",
               "price":{"amount":1290.5,"currency":"RUB"},"reason":"co-purchase","score":0.92},
              {"rank":2,"productId":"kettle-7","name":{"ru":"Чайник","en":"Kettle"},"category":"home",
               "price":{"amount":2500,"currency":"RUB"},"reason":"popular","score":0.4}]}""";

    @TempDir
    Path var;

    private CannedClientApi api;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startTheCannedService() throws IOException {
        api = new CannedClientApi(new RuntimeLayout(var));
        ClientApiCredentials.basic(new RuntimeLayout(var));
    }

    @AfterEach
    void stopIt() {
        api.close();
    }

    @Test
    void searchPrintsCategoryArrowNameWithIdAndPriceAndTheTotal() {
        // given client-api finds two dumbbells
        api.answer(200, TWO_DUMBBELLS);

        // when the CLI searches as Charlie
        int code = run("search", "--query", "гантели", "--user", "Charlie");

        // then it lists them aligned, with the total, and exits 0
        assertThat(code).as("exit code; err %s", err).isEqualTo(ClientCli.FOUND);
        assertThat(out.toString().lines().toList()).as("output").containsExactly(
                "Search \"гантели\" by Charlie, page 1 of 1:",
                "  sports → Гантели разборные 2×10 кг  dumbbells-2x10  4990.99 RUB",
                "  sports → Гантели 2×3 кг             dumbbells-2x3   1290.00 RUB",
                "total: 2 matches (showing 1-2)");
    }

    @Test
    void searchSendsTheEncodedQueryPageUserAndTheCredentials() {
        api.answer(200, TWO_DUMBBELLS);
        run("search", "--query", "гантели 10 кг", "--user", "Charlie", "--page", "2");
        CannedClientApi.Request request = api.requests().getFirst();
        assertThat(request.path()).as("path").isEqualTo("/search");
        assertThat(request.query()).as("decoded query").isEqualTo("q=гантели 10 кг&page=2&user=Charlie");
        assertThat(request.authorization()).as("credentials").isEqualTo(ClientApiCredentials.basic(new RuntimeLayout(var)));
    }

    @Test
    void searchNamesInEnglishOnRequest() {
        api.answer(200, TWO_DUMBBELLS);
        run("search", "--query", "гантели", "--lang", "en");
        assertThat(out.toString()).as("output").contains("sports → Adjustable dumbbells 2×10 kg");
    }

    @Test
    void searchWithoutMatchesSaysSoAndExits1() {
        api.answer(200, NOTHING);
        int code = run("search", "--query", "zzzz");
        assertThat(code).as("exit code").isEqualTo(ClientCli.NOTHING_FOUND);
        assertThat(out.toString()).as("output").contains("total: 0 matches");
    }

    @Test
    void missingQueryOrBadPageIsAUsageErrorWithoutAskingTheService() {
        assertThat(run("search")).as("no --query").isEqualTo(ClientCli.USAGE);
        assertThat(err.toString()).as("error").contains("--query");
        assertThat(run("search", "--query", "mat", "--page", "0")).as("--page 0").isEqualTo(ClientCli.USAGE);
        assertThat(run("search", "--query", "mat", "--lang", "de")).as("--lang de").isEqualTo(ClientCli.USAGE);
        assertThat(api.requests()).as("requests sent").isEmpty();
    }

    @Test
    void parameterTheServiceRefusesIsAUsageErrorNamingIt() {
        api.answer(400, """
                {"type":"https://bazaar.dev/problems/invalid-parameter","title":"Invalid parameter","status":400,
                 "detail":"parameter 'user' must be 1-64 letters","invalid-params":[{"name":"user","reason":"must be"}]}""");
        int code = run("search", "--query", "mat", "--user", "<x>");
        assertThat(code).as("exit code").isEqualTo(ClientCli.USAGE);
        assertThat(err.toString()).as("error").contains("client-api refused the request: parameter 'user'");
    }

    @Test
    void unavailableServiceExits3WithItsReason() {
        api.answer(503, """
                {"type":"https://bazaar.dev/problems/catalog-unavailable","title":"Catalog unavailable","status":503,
                 "detail":"Elasticsearch at http://127.0.0.1:9200 did not answer the search"}""");
        int code = run("search", "--query", "mat");
        assertThat(code).as("exit code").isEqualTo(ClientCli.SERVICE_ERROR);
        assertThat(err.toString()).as("error").contains(api.url(), "Elasticsearch at http://127.0.0.1:9200 did not answer",
                "./bazaar status");
    }

    @Test
    void refusedCredentialsExit3() {
        api.answer(401, "{\"status\":401,\"detail\":\"the credentials are not valid\"}");
        assertThat(run("search", "--query", "mat")).as("exit code").isEqualTo(ClientCli.SERVICE_ERROR);
        assertThat(err.toString()).as("error").contains("refused the credentials");
    }

    @Test
    void unreachableServiceExits3NamingTheUrlAndWhatToDo() throws IOException {
        // given a URL where nothing listens
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "https://127.0.0.1:" + socket.getLocalPort();
        }

        // when the CLI searches there
        int code = runAt(nowhere, "search", "--query", "mat");

        // then it exits 3 and says where it asked and to start the platform
        assertThat(code).as("exit code").isEqualTo(ClientCli.SERVICE_ERROR);
        assertThat(err.toString()).as("error").contains("client-api does not answer at " + nowhere, "./bazaar up");
    }

    @Test
    void urlComesFromThePlatformsEndpointsWithoutUrl() {
        // given the platform recorded where client-api runs
        new PlatformEndpoints("127.0.0.1:1", "127.0.0.1:2", "https://127.0.0.1:3", Map.of("client-api", api.url()))
                .store(new RuntimeLayout(var));
        api.answer(200, TWO_DUMBBELLS);

        // when the CLI is not told the URL, then it asks the recorded one
        assertThat(runAt(null, "search", "--query", "гантели")).as("exit code; err %s", err).isEqualTo(ClientCli.FOUND);
        assertThat(api.requests()).as("requests").hasSize(1);
    }

    @Test
    void noPlatformAndNoUrlExits3SayingToStartIt() {
        assertThat(runAt(null, "search", "--query", "mat")).as("exit code").isEqualTo(ClientCli.SERVICE_ERROR);
        assertThat(err.toString()).as("error").contains("no running platform found", "./bazaar up", "--url");
    }

    @Test
    void missingCredentialsExit3WithoutGeneratingAPassword(@TempDir Path empty) {
        int code = ClientCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("search", "--query", "mat", "--url", api.url(), "--var", empty.toString());
        assertThat(code).as("exit code").isEqualTo(ClientCli.SERVICE_ERROR);
        assertThat(err.toString()).as("error").contains("no client-api credentials", "./bazaar up");
        assertThat(new RuntimeLayout(empty).secrets().exists(ClientApiCredentials.PASSWORD_SECRET))
                .as("password generated by the CLI").isFalse();
    }

    @Test
    void noPlatformCaExits3WithoutAskingTheService(@TempDir Path withoutCa) {
        // given the credentials of a runtime folder whose platform CA was never created
        ClientApiCredentials.basic(new RuntimeLayout(withoutCa));

        // when the CLI searches with it
        int code = ClientCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("search", "--query", "mat", "--url", api.url(), "--var", withoutCa.toString());

        // then it exits 3 naming the missing CA, and sent nothing
        assertThat(code).as("exit code").isEqualTo(ClientCli.SERVICE_ERROR);
        assertThat(err.toString()).as("error").contains("no platform CA", "./bazaar up");
        assertThat(api.requests()).as("requests sent").isEmpty();
    }

    @Test
    void serviceWithACertificateOfAnotherCaIsNotTrusted(@TempDir Path otherPlatform) throws IOException {
        // given a service presenting a certificate that another platform's CA issued
        try (CannedClientApi impostor = new CannedClientApi(new RuntimeLayout(otherPlatform)).answer(200, TWO_DUMBBELLS)) {

            // when the CLI of this platform searches there
            int code = runAt(impostor.url(), "search", "--query", "гантели");

            // then it refuses the handshake: exit 3, and no credentials were sent
            assertThat(code).as("exit code").isEqualTo(ClientCli.SERVICE_ERROR);
            assertThat(err.toString()).as("error").contains("client-api does not answer at " + impostor.url(), "SSL");
            assertThat(impostor.requests()).as("requests the impostor received").isEmpty();
        }
    }

    @Test
    void recommendPrintsRankNameIdPriceAndReason() {
        // given client-api has two products for Eva
        api.answer(200, EVA);

        // when the CLI asks for them, waiting up to 10 s
        int code = run("recommend", "--user-id", "Eva", "--wait", "10");

        // then it lists them best first with rank, names and reason, and exits 0
        assertThat(code).as("exit code; err %s", err).isEqualTo(ClientCli.FOUND);
        assertThat(out.toString().lines().toList()).as("output").containsExactly(
                "Recommendations for Eva (generated 2026-11-23T10:00:00Z, from activity 2026-10-24T00:00:00Z to "
                        + "2026-11-23T00:00:00Z):",
                "   1.  sports → Коврик для йоги  yoga-mat-183  1290.50 RUB  co-purchase (score 0.92)",
                "   2.  home → Чайник             kettle-7      2500.00 RUB  popular (score 0.40)",
                "2 products");
        assertThat(api.requests().getFirst().path()).as("path").isEqualTo("/recommendations/Eva");
        assertThat(api.requests().getFirst().query()).as("query").isEqualTo("wait=10.000");
    }

    @Test
    void unknownCustomerExits1WithTheServicesExplanation() {
        api.answer(404, """
                {"type":"https://bazaar.dev/problems/no-recommendations","title":"No recommendations","status":404,
                 "detail":"no recommendations for customer 'Nobody' (waited 5000 ms)"}""");
        int code = run("recommend", "--user-id", "Nobody");
        assertThat(code).as("exit code").isEqualTo(ClientCli.NOTHING_FOUND);
        assertThat(out.toString()).as("output").contains("no recommendations for customer 'Nobody'");
        assertThat(api.requests().getFirst().query()).as("no wait sent").isNull();
    }

    @Test
    void recommendationsAllBlockedSinceExit1() {
        api.answer(200, "{\"customer\":\"Eva\",\"recommendations\":[]}");
        assertThat(run("recommend", "--user-id", "Eva")).as("exit code").isEqualTo(ClientCli.NOTHING_FOUND);
        assertThat(out.toString()).as("output").contains("no recommendations to show for Eva");
    }

    @Test
    void customerWithASpaceIsEncodedInThePath() {
        api.answer(200, EVA);
        run("recommend", "--user-id", "Eva Green");
        assertThat(api.requests().getFirst().path()).as("decoded path").isEqualTo("/recommendations/Eva Green");
    }

    @Test
    void missingCustomerOrNegativeWaitIsAUsageError() {
        assertThat(run("recommend")).as("no --user-id").isEqualTo(ClientCli.USAGE);
        assertThat(run("recommend", "--user-id", "Eva", "--wait", "-1")).as("--wait -1").isEqualTo(ClientCli.USAGE);
        assertThat(api.requests()).as("requests sent").isEmpty();
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertThat(run("--help")).as("exit code").isZero();
        assertThat(out.toString()).as("help").contains("Exit codes:", "0", "nothing found", "usage error", "unreachable");
        StringWriter searchHelp = new StringWriter();
        ClientCli.commandLine().setOut(new PrintWriter(searchHelp)).execute("search", "--help");
        assertThat(searchHelp.toString()).as("search help").contains("Exit codes:", "--query", "--page", "--user");
    }

    private int run(String... args) {
        return runAt(api.url(), args);
    }

    private int runAt(String url, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--var", var.toString()));
        if (url != null && !List.of(args).contains("--help")) {
            all.addAll(List.of("--url", url));
        }
        return ClientCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }
}
