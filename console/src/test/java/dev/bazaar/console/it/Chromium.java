package dev.bazaar.console.it;

import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.console.ConsoleApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (the project's script installs
 * both; Selenium downloads nothing). It trusts exactly the console's key (the SPKI pin of the
 * certificate the launcher issued for it), not every certificate, and starts with a fresh profile
 * and the background networking a closed machine refuses turned off.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start(RuntimeLayout layout, Path profile) throws Exception {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver ("
                    + BROWSER + ", " + DRIVER + "): ./bazaar test installs them, or apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile,
                "--ignore-certificate-errors-spki-list=" + consoleKeyPin(layout));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** A screenshot of what the browser shows now, under the build's output for the README. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the console's certificate, as chromium takes a pin. */
    private static String consoleKeyPin(RuntimeLayout layout) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(PlatformTls.keystore(layout, ConsoleApp.COMPONENT))) {
            store.load(in, PlatformTls.keystorePassword(layout).toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (store.isKeyEntry(alias) && certificate != null) {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(certificate.getPublicKey().getEncoded()));
            }
        }
        throw new IllegalStateException("no key in the console's keystore " + PlatformTls.keystore(layout,
                ConsoleApp.COMPONENT));
    }
}
