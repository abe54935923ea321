package org.concord.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless through chromium-driver, on a profile of its own, for the console's browser tests: the
 * launch flags known to work here (SwiftShader for the one WebGL test), the browser's and the network's logs kept, and
 * the steps every test takes (sign in, wait for a view, take a screenshot into {@code target/console-screenshots}).
 * Register it after the class's {@link ServedNodeExtension} (whose address it opens) on a static field with
 * {@code @RegisterExtension}: it starts the browser before the class's tests, starts each test signed out on a fresh
 * page, and closes the browser after them.
 */
final class ConsoleBrowser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ServedNodeExtension served;
    private ChromeDriver driver;
    private Path profile;
    private Path downloads;

    ConsoleBrowser(ServedNodeExtension served) {
        this.served = served;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("concord-chromium-");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        signOut();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The browser's own profile folder, for files a test hands it. */
    Path profile() {
        return profile;
    }

    /** Where the browser saves downloads. */
    Path downloads() {
        return downloads;
    }

    /** A fresh page, signed out, on the default view. */
    void signOut() {
        driver.get(served.base() + "/");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.navigate().refresh();
        rendered("#/conjunctions");
    }

    void signIn(String token) {
        if (!driver.findElements(By.id("signout")).isEmpty() && driver.findElement(By.id("signout")).isDisplayed()) {
            driver.findElement(By.id("signout")).click();
        }
        WebElement field = driver.findElement(By.id("token"));
        field.sendKeys(token);
        field.submit();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("signout")).isDisplayed());
        rendered(driver.getCurrentUrl().contains("#") ? driver.getCurrentUrl()
                .substring(driver.getCurrentUrl().indexOf('#')) : "#/conjunctions");
    }

    /** Loads the page of {@code hash} and waits until its view has rendered. */
    void open(String hash) {
        driver.get(served.base() + "/" + hash);
        rendered(hash);
    }

    /** Waits until the view of {@code hash} has rendered (the router marks it when done). */
    void rendered(String hash) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> hash.equals(
                d.findElement(By.id("main")).getAttribute("data-rendered")));
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot of a page longer than the window: the window made taller for it, then as it was. */
    void tallScreenshot(String name, int height) throws IOException {
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.getWidth(), height));
        screenshot(name);
        driver.manage().window().setSize(size);
    }

}
