package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.console.kafka.UserClients;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console against the real clusters and registry, signed in as the platform's own principals with
 * the passwords {@code ./bazaar client-properties} prints: what each principal sees is what Kafka's
 * ACLs let it see, and a refusal names the missing ACL.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT implements TestPropertyProvider {

    private static final String TOPIC = "console-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 40;

    @Inject
    EmbeddedServer server;

    private Running platform;
    private RuntimeLayout layout;
    private int schemaId;

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        layout = platform.layout();
        return Map.of("console.var-dir", layout.root().toString(), "micronaut.server.ssl.port", "-1",
                "console.page-size", "25", "console.scan-limit", "60");
    }

    @BeforeAll
    void topicWithFramedMessages() throws Exception {
        schemaId = new RegistrySubjects(RegistryConnection.embedded(layout, RegistryUser.READONLY))
                .latest(Topics.ORDERS + "-value", "setup").id();
        Properties admin = platform.client(Cluster.MAIN, "admin", new Properties());
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 3), new NewTopic(TOPIC + "-empty", 1,
                    (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(admin, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (int n = 0; n < PER_PARTITION; n++) {
                    String json = "{\"orderId\":\"o-" + partition + "-" + n + "\",\"note\":\""
                            + (partition == 1 && n == 35 ? "the needle <b>bold</b>" : "hay") + "\"}";
                    producer.send(new ProducerRecord<>(TOPIC, partition, "key-" + partition + "-" + n, framed(json)));
                }
            }
            producer.flush();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndOpensNoSession() throws Exception {
        ConsoleBrowser browser = browser();
        HttpResponse<String> answer = browser.signIn("ops", "not-the-password");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Wrong user name or password");
        assertThat(browser.cookies()).doesNotContainKey("__Host-bazaar-console");
        assertThat(browser.get("/topics").statusCode()).as("a page afterwards").isEqualTo(303);
    }

    @Test
    void theSignInFormOnlyCountsWithTheTokenItWasServedWith() throws Exception {
        ConsoleBrowser browser = browser();
        browser.get("/login");
        HttpResponse<String> forged = browser.post("/login", Map.of("username", "ops", "password", password("ops"),
                "_csrf", "made-up"), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("sign in again");
        assertThat(browser.cookies()).doesNotContainKey("__Host-bazaar-console");
    }

    @Test
    void signingInOpensASessionInAStrictCookieAndAPageWithoutOneSendsTheBrowserToSignInAndBack() throws Exception {
        // given a browser without a session
        ConsoleBrowser browser = browser();
        HttpResponse<String> away = browser.get("/topics?q=orders");
        assertThat(away.statusCode()).isEqualTo(303);
        assertThat(away.headers().firstValue("Location")).hasValue("/login?next=%2Ftopics%3Fq%3Dorders");

        // when ops signs in from that form
        HttpResponse<String> form = browser.get("/login?next=%2Ftopics%3Fq%3Dorders");
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", "ops", "password", password("ops"),
                "_csrf", ConsoleBrowser.formToken(form.body()), "next", "/topics?q=orders"), null);

        // then the session cookie is __Host-, Secure, HttpOnly and SameSite=Strict, and the browser goes back
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/topics?q=orders");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("__Host-bazaar-console=")).findFirst().orElseThrow();
        assertThat(cookie.toLowerCase()).contains("secure", "httponly", "samesite=strict", "path=/");
        HttpResponse<String> overview = browser.get("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("signed in as <b id=\"principal\">ops</b>", "main cluster", "mirror cluster",
                "active controller: node");
        assertThat(overview.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(overview.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void asAdminTheNewestMessagesComeFirstDecodedThroughTheRegistry() throws Exception {
        ConsoleBrowser browser = signedIn("admin");
        HttpResponse<String> list = browser.get("/topics?q=" + TOPIC);
        assertThat(list.body()).contains(">" + TOPIC + "</a>");

        HttpResponse<String> page = browser.get("/topics/" + TOPIC);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id " + schemaId + " · ").contains("-value v").contains("&quot;orderId&quot;");
        List<long[]> rows = rows(page.body());
        assertThat(rows).as("a page of 25").hasSize(25);
        assertThat(rows).as("each partition's newest first").allSatisfy(row -> assertThat(row[1])
                .isGreaterThanOrEqualTo(PER_PARTITION - 25));
        assertThat(page.body()).doesNotContain("<b>bold</b>");
    }

    @Test
    void theTopicListIsPagedAndAskedOnlyForThePageShown() throws Exception {
        ConsoleBrowser browser = signedIn("admin");

        HttpResponse<String> first = browser.get("/topics?q=" + TOPIC + "&size=1");
        HttpResponse<String> second = browser.get("/topics?q=" + TOPIC + "&size=1&page=2");
        HttpResponse<String> past = browser.get("/topics?q=" + TOPIC + "&size=1&page=3");
        HttpResponse<String> notANumber = browser.get("/topics?page=two");
        HttpResponse<String> tooBig = browser.get("/topics?size=5000");

        assertThat(first.body()).contains("2 topic(s) you may describe, 1–1 shown", "page 1 of 2",
                "href=\"/topics?q=" + TOPIC + "&amp;size=1&amp;page=2\">next</a>", ">" + TOPIC + "</a>")
                .doesNotContain(">" + TOPIC + "-empty</a>", "previous");
        assertThat(second.body()).contains("2–2 shown", "page 2 of 2", ">previous</a>", ">" + TOPIC + "-empty</a>")
                .doesNotContain(">" + TOPIC + "</a>", ">next</a>");
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.body()).contains("2 topic(s) you may describe", "page 3 of 2", "page=2\">previous</a>");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("page must be a whole number, was &#39;two&#39;");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("size must be within 1..1000, was 5000");
    }

    @Test
    void aClusterThatRefusesTheUsersCredentialIsLeftAloneUntilTheNextPageAsks() throws Exception {
        // given client's clients, and the mirror cluster, where client has no credential
        Map<Cluster, KafkaConnection> connections = new EnumMap<>(Cluster.class);
        for (Cluster cluster : Cluster.values()) {
            connections.put(cluster, new KafkaConnection(PlatformEndpoints.load(layout).bootstrap(cluster), "client",
                    password("client"), layout.truststore(), password(KafkaConnection.TRUSTSTORE_SECRET)));
        }
        try (UserClients clients = new UserClients(connections, Duration.ofSeconds(20))) {
            Admin refused = clients.admin(Cluster.MIRROR);
            Throwable failure = catchThrowable(() -> refused.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            assertThat(failure).hasCauseInstanceOf(AuthenticationException.class);

            // when the refusal is reported, then that client is closed (no sign-in every second) and the next use asks anew
            clients.forgetIfRefused(Cluster.MIRROR, failure);
            assertThat(clients.admin(Cluster.MIRROR)).isNotSameAs(refused);

            // and a refusal of another kind, or on another cluster, keeps the client it is about
            Admin main = clients.admin(Cluster.MAIN);
            clients.forgetIfRefused(Cluster.MAIN, new ExecutionException(new TopicAuthorizationException("orders")));
            clients.forgetIfRefused(Cluster.MIRROR, new ExecutionException(new TimeoutException()));
            assertThat(clients.admin(Cluster.MAIN)).isSameAs(main);
        }
    }

    @Test
    void aSeekByOffsetReadsFromThereAndAFilterStopsAtTheScanLimit() throws Exception {
        ConsoleBrowser browser = signedIn("admin");

        HttpResponse<String> fromOffset = browser.get("/topics/" + TOPIC + "?partition=2&offset=10");
        HttpResponse<String> needle = browser.get("/topics/" + TOPIC + "?filter=needle");
        HttpResponse<String> absent = browser.get("/topics/" + TOPIC + "?filter=nowhere");
        HttpResponse<String> bad = browser.get("/topics/" + TOPIC + "?partition=2&offset=ten");

        assertThat(rows(fromOffset.body())).extracting(row -> row[0] + ":" + row[1]).startsWith("2:10", "2:11")
                .hasSize(25);
        assertThat(needle.body()).contains("the needle &lt;b&gt;bold&lt;/b&gt;");
        assertThat(rows(needle.body())).extracting(row -> row[0] + ":" + row[1]).containsExactly("1:35");
        assertThat(absent.body()).contains("0 message(s); 60 record(s) read, stopped at the scan limit of 60");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("offset must be a whole number, was &#39;ten&#39;");
    }

    @Test
    void asClientTheOrdersMessagesAreRefusedNamingTheMissingAcl() throws Exception {
        ConsoleBrowser browser = signedIn("client");

        HttpResponse<String> orders = browser.get("/topics/" + Topics.ORDERS);
        HttpResponse<String> list = browser.get("/topics");

        assertThat(orders.statusCode()).isEqualTo(403);
        assertThat(orders.body()).contains("principal client may not READ topic orders",
                "User:client READ on topic orders", "setup/access.yaml");
        assertThat(list.body()).as("the topics client may describe").contains(">recommendations</a>")
                .doesNotContain(">orders</a>");
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefusedAndSigningOutEndsTheSession() throws Exception {
        ConsoleBrowser browser = signedIn("ops");
        String csrf = browser.csrf();

        HttpResponse<String> forged = browser.post("/logout", Map.of(), null);
        HttpResponse<String> wrong = browser.post("/logout", Map.of(), csrf + "x");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);

        String session = browser.cookies().get("__Host-bazaar-console");
        HttpResponse<String> out = browser.post("/logout", Map.of(), csrf);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(browser.get("/").statusCode()).as("signed out").isEqualTo(303);
        assertThat(browser().withCookie("__Host-bazaar-console", session).get("/").statusCode())
                .as("the old session id replayed").isEqualTo(303);
    }

    @Test
    void opsBlocksAndUnblocksAsItsOwnPrincipalClientIsRefusedAndEachAttemptIsAuditedForAdminOnly() throws Exception {
        // given ops and client signed in, a product id of this run, and on the stop-list a key that is no
        // product id (anyone with WRITE on the topic may write one; the ACL matrix test does)
        String product = "console-it-" + TOPIC.substring(TOPIC.length() - 8);
        String oddKey = "console it " + product;
        try (KafkaProducer<String, byte[]> admin = new KafkaProducer<>(platform.client(Cluster.MAIN, "admin",
                new Properties()), new StringSerializer(), new ByteArraySerializer())) {
            admin.send(new ProducerRecord<>(Topics.BLOCKED_PRODUCTS, oddKey, "{\"reason\":\"odd\"}"
                    .getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
        ConsoleBrowser ops = signedIn("ops");
        String opsCsrf = ops.csrf();
        ConsoleBrowser client = signedIn("client");

        // when ops blocks it, sees it, unblocks it; client tries to block it; ops sends a bad id
        HttpResponse<String> blocked = ops.post("/stop-list/block", Map.of("productId", product,
                "reason", "recalled <b>now</b>"), opsCsrf);
        String whileBlocked = ops.get("/stop-list").body();
        HttpResponse<String> unblocked = ops.post("/stop-list/unblock", Map.of("productId", product), opsCsrf);
        String afterwards = ops.get("/stop-list").body();
        HttpResponse<String> refused = client.post("/stop-list/block", Map.of("productId", product, "reason", "mine"),
                client.csrf());
        HttpResponse<String> bad = ops.post("/stop-list/block", Map.of("productId", "x", "reason", "typo"), opsCsrf);

        // then ops' changes went through as ops, client's was refused naming the ACL, the bad id named the rule
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(303);
        assertThat(whileBlocked).contains("<td>" + product + "</td>", "recalled &lt;b&gt;now&lt;/b&gt;", "<td>ops</td>",
                "<td>" + oddKey + "</td>");
        assertThat(unblocked.statusCode()).as(unblocked.body()).isEqualTo(303);
        assertThat(afterwards).doesNotContain("<td>" + product + "</td>");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("principal client may not WRITE topic blocked-products");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("product id must be 3-64 letters");

        // and the audit topic, which admin reads and ops may not, holds each attempt with its outcome
        String audit = signedIn("admin").get("/audit").body();
        assertThat(audit).contains("<td>ops</td><td>block</td><td>product " + product + "</td><td>done</td>"
                        + "<td>recalled &lt;b&gt;now&lt;/b&gt;</td>",
                "<td>ops</td><td>unblock</td><td>product " + product + "</td><td>done</td>",
                "<td>client</td><td>block</td><td>product " + product + "</td><td>refused</td>");
        HttpResponse<String> opsAudit = ops.get("/audit");
        assertThat(opsAudit.statusCode()).isEqualTo(403);
        assertThat(opsAudit.body()).contains("principal ops may not READ topic console-audit");
    }

    private ConsoleBrowser signedIn(String principal) throws Exception {
        ConsoleBrowser browser = browser();
        HttpResponse<String> answer = browser.signIn(principal, password(principal));
        assertThat(answer.statusCode()).as("sign-in of %s: %s", principal, answer.body()).isEqualTo(303);
        return browser;
    }

    private ConsoleBrowser browser() {
        return new ConsoleBrowser(layout, base());
    }

    private String base() {
        return "https://127.0.0.1:" + server.getPort();
    }

    private String password(String principal) {
        return layout.secrets().password(principal);
    }

    private byte[] framed(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + bytes.length).put((byte) 0).putInt(schemaId).put(bytes).array();
    }

    /** The (partition, offset) of each message row of a topic page, in page order. */
    private static List<long[]> rows(String html) {
        int table = html.indexOf("<table id=\"messages\">");
        Matcher row = Pattern.compile("<tr><td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td>")
                .matcher(html.substring(Math.max(0, table)));
        List<long[]> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
        }
        return rows;
    }
}
