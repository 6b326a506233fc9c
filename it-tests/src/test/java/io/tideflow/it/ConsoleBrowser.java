package io.tideflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which scripts/test.sh installs) on the
 * console of the deployed application, with one browser session per instance.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS =
            Path.of("target", "console-screenshots", ItServer.isPayara() ? "payara" : "wildfly");

    private final ChromeDriver driver;
    private final URI console;

    ConsoleBrowser(URI deployment) {
        this.console = deployment.resolve("console/");
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("tideflow.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("tideflow.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a console page by its path under /console/, query string included. */
    void open(String page) {
        driver.get(console.resolve(page).toString());
    }

    void logIn(String user, String password) {
        open("login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("session:logout")));
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of the first element {@code css} selects, or "" while the page has none (it may be reloading). */
    String text(String css) {
        Object text =
                driver.executeScript("var e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css);
        return text == null ? "" : text.toString().trim();
    }

    /** The page's messages (info, warnings and errors) as one text. */
    String messages() {
        // read in one script: a page that reloads meanwhile would leave element references stale
        Object text = driver.executeScript("return Array.from(document.querySelectorAll('.tf-messages'))"
                + ".map(function(e) { return e.innerText; }).join('');");
        return text == null ? "" : text.toString().trim();
    }

    /** Clicks a button that asks for confirmation, and confirms. */
    void clickAndConfirm(String buttonId) {
        driver.findElement(By.id(buttonId)).click();
        await().until(ExpectedConditions.elementToBeClickable(By.id("confirm-yes")))
                .click();
    }

    /**
     * Saves what the browser shows as target/console-screenshots/(server)/(name).png, after checking the page with
     * axe-core: every page the suite photographs is checked for accessibility.
     */
    void screenshot(String name) {
        Accessibility.assertNoSeriousViolations(driver, name);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertOnLoginPage() {
        assertThat(path()).endsWith("/console/login.xhtml");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
