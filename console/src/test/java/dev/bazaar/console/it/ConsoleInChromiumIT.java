package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.ExampleRecords;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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

    /** Waits until the console's script, having signed out, shows the sign-in page. */
    private void signedOutPage() {
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().equals(url + "/login"));
    }

    private void signIn(String username, String password) {
        driver.get(url + (driver.getCurrentUrl().contains("/login?next=") ? driver.getCurrentUrl()
                .substring(driver.getCurrentUrl().indexOf("/login")) : "/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login button")).click();
    }

    private String password(String principal) {
        return layout.secrets().password(principal);
    }
}
