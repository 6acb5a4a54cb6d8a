package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.AlertNotifications;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.ExampleRecords;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console as {@code ./bazaar up} runs it, in a real browser (Debian's chromium, headless): a person
 * signs in through the form, reads, is refused, signs out; the console's script sends the CSRF token
 * with a change and a change without it is refused. Each page is saved as a screenshot under
 * {@code target/screenshots} for the README.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInChromiumIT {

    private static final String TOPIC = "console-browser-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A panel's series: rates need two scrapes (5 s apart) in their window; a loaded machine. */
    private static final Duration DRAWN = Duration.ofSeconds(60);
    /** BrokerDown's for (prometheus/rules/kafka.yml) + 30 s. */
    private static final Duration BROKER_ALERT = Duration.ofSeconds(40);
    private static final String STOPPED = "main-2";
    /** Alertmanager's group_interval (30 s) after the alert is active, on a loaded machine. */
    private static final Duration NOTIFIED = Duration.ofSeconds(75);
    /** An item of this run on {@code items}, which stream-filter passes to {@code filtered-items} until blocked. */
    private static final String PRODUCT = "browser-" + UUID.randomUUID().toString().substring(0, 8);

    private RuntimeLayout layout;
    private String url;
    private ChromeDriver driver;
    private Path profile;
    private int schemaId;
    /** A little before the item of this run was published: the console seeks filtered-items there. */
    private Instant published;

    @BeforeAll
    void startTheBrowser(Running platform) throws Exception {
        layout = platform.layout();
        url = PlatformEndpoints.load(layout).serviceUrl("console").orElseThrow();
        schemaId = new RegistrySubjects(RegistryConnection.embedded(layout, RegistryUser.READONLY))
                .latest(Topics.ORDERS + "-value", "setup").id();
        Properties admin = platform.client(Cluster.MAIN, "admin", new Properties());
        try (Admin topics = Admin.create(admin);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(admin, new StringSerializer(),
                        new ByteArraySerializer())) {
            topics.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 3))).all().get(30, TimeUnit.SECONDS);
            for (int n = 0; n < 12; n++) {
                byte[] json = ("{\"orderId\":\"browser-" + n + "\",\"customer\":\"Alice\",\"quantity\":" + n + "}")
                        .getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(TOPIC, n % 2, "order-" + n, ByteBuffer.allocate(5 + json.length)
                        .put((byte) 0).putInt(schemaId).put(json).array()));
            }
            producer.flush();
        }
        published = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        int itemSchema = new RegistrySubjects(RegistryConnection.embedded(layout, RegistryUser.READONLY))
                .latest(Topics.ITEMS + "-value", "setup").id();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(admin, new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] item = ExampleRecords.item(PRODUCT, 1990.0).toString().getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(Topics.ITEMS, PRODUCT, ByteBuffer.allocate(5 + item.length).put((byte) 0)
                    .putInt(itemSchema).put(item).array())).get(30, TimeUnit.SECONDS);
        }
        profile = Files.createTempDirectory("console-chromium-");
        driver = Chromium.start(layout, profile);
    }

    @AfterAll
    void stopTheBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        driver.get(url + "/login");
        driver.manage().deleteAllCookies();
    }

    @Test
    void aWrongPasswordIsRefusedOnTheForm() throws Exception {
        signIn("ops", "not-the-password");
        assertThat(driver.findElement(By.cssSelector(".error")).getText()).isEqualTo("Wrong user name or password.");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        Chromium.screenshot(driver, "sign-in-refused");
    }

    @Test
    void opsSignsInThroughTheFormAndSeesTheMainClusterAndWhyNotTheMirror() throws Exception {
        driver.get(url + "/topics");
        assertThat(driver.getCurrentUrl()).as("sent to sign in first").contains("/login?next=");
        Chromium.screenshot(driver, "sign-in");

        signIn("ops", password("ops"));

        assertThat(driver.getCurrentUrl()).as("and back").isEqualTo(url + "/topics");
        driver.get(url + "/");
        assertThat(driver.findElement(By.id("principal")).getText()).isEqualTo("ops");
        assertThat(driver.findElement(By.id("cluster-main")).getText()).contains("active controller: node");
        assertThat(driver.findElement(By.id("cluster-mirror")).getText()).as("ops has no credential on the mirror")
                .contains("Principal ops cannot sign in to the mirror cluster: it has no credential there");
    }

    @Test
    void adminSeesBothClustersAndATopicsNewestMessagesDecodedThroughTheRegistry() throws Exception {
        signIn("admin", password("admin"));
        driver.get(url + "/");
        assertThat(driver.findElement(By.id("cluster-main")).getText()).contains("active controller: node");
        assertThat(driver.findElement(By.id("cluster-mirror")).getText()).contains("active controller: node");
        Chromium.screenshot(driver, "overview");
        driver.get(url + "/topics?q=" + TOPIC);
        driver.findElement(By.linkText(TOPIC)).click();

        String messages = driver.findElement(By.id("messages")).getText();
        assertThat(messages).contains("\"orderId\" : \"browser-11\"", "id " + schemaId + " · ");
        assertThat(messages.indexOf("browser-11")).as("newest first").isLessThan(messages.indexOf("browser-10"));
        Chromium.screenshot(driver, "topic-messages");
    }

    @Test
    void clientIsRefusedTheOrdersMessagesWithTheMissingAclNamed() throws Exception {
        signIn("client", password("client"));
        driver.get(url + "/topics/" + Topics.ORDERS);
        assertThat(driver.findElement(By.cssSelector(".error")).getText()).contains(
                "principal client may not READ topic orders", "User:client READ on topic orders", "setup/access.yaml");
        Chromium.screenshot(driver, "refused-acl");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndTheSignOutButtonSignsOut() throws Exception {
        signIn("ops", password("ops"));
        driver.get(url + "/");
        // a forged change: the same form posted without the token the console's script adds
        driver.executeScript("document.querySelector('meta[name=\"csrf-token\"]').remove()");
        driver.findElement(By.cssSelector("header form button")).click();
        await().atMost(WAIT).ignoreExceptions().until(() -> driver.findElement(By.tagName("main")).getText()
                .contains("This change was refused"));
        driver.get(url + "/");
        assertThat(driver.findElement(By.id("principal")).getText()).as("still signed in").isEqualTo("ops");

        driver.findElement(By.cssSelector("header form button")).click();
        signedOutPage();
        driver.get(url + "/");
        assertThat(driver.getCurrentUrl()).as("signed out").contains("/login?next=");
    }

    @Test
    void opsBlocksAProductOnTheStopListAndAdminSeesItRetractedFromFilteredItems() throws Exception {
        // given the item went through stream-filter to filtered-items
        signIn("admin", password("admin"));
        String filtered = url + "/topics/" + Topics.FILTERED_ITEMS + "?since=" + published;
        await().atMost(WAIT).untilAsserted(() -> {
            driver.get(filtered);
            assertThat(driver.findElement(By.id("messages")).getText()).contains("\"productId\" : \"" + PRODUCT + "\"");
        });
        driver.findElement(By.cssSelector("header form button")).click();
        signedOutPage();

        // when ops blocks it on the stop-list
        signIn("ops", password("ops"));
        driver.get(url + "/stop-list");
        driver.findElement(By.id("productId")).sendKeys(PRODUCT);
        driver.findElement(By.id("reason")).sendKeys("recalled by the manufacturer");
        driver.findElement(By.cssSelector("#block button")).click();
        await().atMost(WAIT).ignoreExceptions().until(() -> driver.findElement(By.id("done")).isDisplayed());

        // then the stop-list shows it, by ops, and filtered-items' newest record of it is its tombstone
        assertThat(driver.findElement(By.id("blocked")).getText()).contains(PRODUCT, "recalled by the manufacturer", "ops");
        Chromium.screenshot(driver, "stop-list");
        driver.findElement(By.cssSelector("header form button")).click();
        signedOutPage();
        signIn("admin", password("admin"));
        await().atMost(WAIT).untilAsserted(() -> {
            driver.get(filtered);
            List<String> ours = driver.findElements(By.cssSelector("#messages tr")).stream()
                    .map(row -> row.getText()).filter(row -> row.contains(PRODUCT)).toList();
            assertThat(ours).as("its records since it was published, oldest first").hasSizeGreaterThan(1);
            assertThat(ours.getLast()).as("the newest").contains("a tombstone");
        });
        Chromium.screenshot(driver, "filtered-items-retracted");
        driver.get(url + "/audit");
        assertThat(driver.findElement(By.id("audit")).getText()).contains("ops block product " + PRODUCT + " done");
    }

    @Test
    void adminComparesTwoVersionsOfASubjectAndReadsTheAclsOfBothClusters() throws Exception {
        // given a subject of this run with two versions
        String subject = TOPIC + "-value";
        TestSubjects.withTwoVersions(layout, subject);
        signIn("admin", password("admin"));

        // when admin picks the two versions in the subject's compare form
        driver.get(url + "/schemas");
        driver.findElement(By.linkText(subject)).click();
        driver.findElement(By.cssSelector("#compare button")).click();

        // then the added field is marked, and the ACL page lists another principal's ACLs on each cluster
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(driver.findElements(
                By.cssSelector("#diff .added"))).extracting(e -> e.getText())
                .anyMatch(line -> line.startsWith("+") && line.contains("\"text\" : {")));
        Chromium.screenshot(driver, "schema-diff");
        driver.get(url + "/acls?principal=filter");
        assertThat(driver.findElement(By.id("acls-main")).getText()).contains("User:filter group stream-filter");
        Chromium.screenshot(driver, "acls");
    }

    @Test
    void everyPanelOfEveryDashboardDrawsANonEmptySeries() throws Exception {
        // given admin signed in, and the dashboards the console lists (those of grafana/dashboards/)
        signIn("admin", password("admin"));
        driver.get(url + "/dashboards");
        List<String> dashboards = driver.findElements(By.cssSelector("#dashboards a")).stream()
                .map(link -> link.getAttribute("href")).toList();
        assertThat(dashboards).hasSize(4);
        Map<String, String> empty = new TreeMap<>();
        for (String dashboard : dashboards) {
            // when each is opened
            driver.get(dashboard + "?range=15m");
            List<WebElement> panels = driver.findElements(By.cssSelector("figure.chart.panel"));
            assertThat(panels).as("panels of %s", dashboard).isNotEmpty();
            // then every panel has drawn its series: some point that is not a gap (a new series needs a scrape or two)
            try {
                await("every panel of " + dashboard + " drawn").atMost(DRAWN).pollInterval(Duration.ofSeconds(1))
                        .until(() -> driver.findElements(By.cssSelector("figure.chart.panel")).stream()
                                .allMatch(panel -> points(panel) > 0));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                driver.findElements(By.cssSelector("figure.chart.panel")).stream().filter(panel -> points(panel) == 0)
                        .forEach(panel -> empty.put(dashboard + " " + panel.findElement(By.tagName("figcaption"))
                                .getText(), String.valueOf(panel.getAttribute("data-error"))));
            }
            if (dashboard.endsWith("/bazaar-brokers")) {
                Chromium.screenshot(driver, "dashboard");
            }
        }
        assertThat(empty).as("panels without a series (and why)").isEmpty();
    }

    @Test
    void aBrokerStoppedWithBazaarStopIsAnAlertOnTheAlertsPageWithinItsForPlus30Seconds(Running platform)
            throws Exception {
        // given ops on the alerts page, and no BrokerDown of the node firing
        signIn("ops", password("ops"));
        driver.get(url + "/alerts");
        assertThat(brokerDownShown()).isFalse();

        // when one node is taken down as `bazaar stop main-2` does (a supervisor would leave it down); the
        // clock starts when it is down (a broker's controlled shutdown takes a while, its metrics answer meanwhile)
        long asked = System.nanoTime();
        Instant down = Instant.now();
        platform.platform().stop(STOPPED);
        long stopped = System.nanoTime();
        long shown;
        long notified;
        try {
            // then the alert is on the page within its rule's for (10 s) + 30 s, as the page is reloaded
            await("BrokerDown of " + STOPPED + " on /alerts").atMost(BROKER_ALERT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        driver.navigate().refresh();
                        return brokerDownShown();
                    });
            shown = System.nanoTime();
            Chromium.screenshot(driver, "alerts");
            // and Alertmanager delivers it to the console by webhook, firing, while the node is still down (once it
            // is back, a group flushed after that would carry it resolved only): 5 s for a new group, up to its 30 s
            // group_interval when other BrokerDowns of the cluster are in the group (prometheus/alertmanager.yml)
            awaitNotifiedFiring(down);
            notified = System.nanoTime();
        } finally {
            // started again whatever happened: the tests after this one use the same cluster
            platform.platform().start(STOPPED, System.out);
        }
        System.out.printf("BrokerDown of %s on /alerts %.1f s and notified %.1f s after it stopped (bazaar stop took "
                + "%.1f s)%n", STOPPED, (shown - stopped) / 1e9, (notified - stopped) / 1e9, (stopped - asked) / 1e9);
    }

    private void awaitNotifiedFiring(Instant down) {
        Path inbox = AlertNotifications.file(layout);
        try {
            await("BrokerDown of " + STOPPED + " notified").atMost(NOTIFIED).pollInterval(Duration.ofSeconds(1))
                    .until(() -> AlertNotifications.all(inbox).stream()
                            .anyMatch(n -> n.alertname().equals("BrokerDown") && n.firing()
                                    && STOPPED.equals(n.labels().get("node")) && n.receivedAt().isAfter(down)));
        } catch (ConditionTimeoutException e) {
            // what did arrive, and what Alertmanager shows now, say whether it was late, resolved or refused
            System.out.println("notifications since the stop: " + AlertNotifications.all(inbox).stream()
                    .filter(n -> n.receivedAt().isAfter(down)).toList());
            System.out.println("/alerts now: " + driver.findElement(By.tagName("main")).getText());
            throw e;
        }
    }

    private boolean brokerDownShown() {
        return driver.findElements(By.cssSelector("#firing tr")).stream()
                .anyMatch(row -> row.getText().contains("BrokerDown") && row.getText().contains("node=" + STOPPED));
    }

    private static long points(WebElement panel) {
        String points = panel.getAttribute("data-points");
        return points == null ? 0 : Long.parseLong(points);
    }

    /** Waits until the console's script, having signed out, shows the sign-in page. */
    private void signedOutPage() {
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().equals(url + "/login"));
    }

    private void signIn(String username, String password) {
        driver.get(url + (driver.getCurrentUrl().contains("/login?next=") ? driver.getCurrentUrl()
                .substring(driver.getCurrentUrl().indexOf("/login")) : "/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement form = driver.findElement(By.id("login"));
        form.findElement(By.tagName("button")).click();
        // the answer has replaced the form's page (whether it signed in or not): a page opened now is not
        // raced against the sign-in's post, which would leave it without the session
        await().atMost(WAIT).until(() -> gone(form));
    }

    private static boolean gone(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    private String password(String principal) {
        return layout.secrets().password(principal);
    }
}
