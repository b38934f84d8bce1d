package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.Keys;
import io.onramp.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The operator page and Swagger UI in a real headless browser: Debian's {@code chromium} driven through its
 * {@code chromedriver} (install both with {@code apt-get install -y chromium chromium-driver}; {@code .ci/run} does).
 * Nothing is downloaded: the driver and the browser are given by path.
 */
class OpsPageBrowserTest extends GatewayTestSupport {

    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("onramp.chromedriver", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getProperty("onramp.chromium", "/usr/bin/chromium"));
    private static final String OPERATOR = token("op-browser", "ops", "ops:read", "ops:replay");

    private static ChromeDriver browser;

    @Autowired
    KafkaTemplate<Object, byte[]> bytesTemplate;

    @BeforeAll
    static void browser() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromedriver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOperatorSeesTheGroupsAndReplaysAPoisonRecordFromThePage() throws Exception {
        String key = Keys.of("acme", "page-poison-" + UUID.randomUUID());
        bytesTemplate
                .send(Topics.ACCESS_COMMANDS, key, "garbage from the page test".getBytes(StandardCharsets.UTF_8))
                .get();

        browser.get("http://127.0.0.1:" + port + "/ops");
        browser.findElement(By.id("token")).sendKeys(OPERATOR);
        browser.findElement(By.id("connect")).click();

        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#groups tr[data-group='access-worker'] .status"), "OK"));
        WebElement badge = browser.findElement(By.cssSelector("#groups tr[data-group='access-worker'] .status"));
        assertThat(badge.getAttribute("class")).contains("status-OK");
        assertThat(badge.getCssValue("background-color")).isEqualTo("rgba(46, 125, 50, 1)");

        // Other tests leave dead letters on the same topic: view it until this test's own letter has arrived.
        By topicRow = By.cssSelector("#dead-letter-topics tr[data-topic='access-commands.DLT']");
        By letterRow = By.xpath("//table[@id='letters']//tr[td[text()='" + key + "']]");
        wait.until(driver -> {
            driver.findElement(topicRow)
                    .findElement(By.cssSelector("button.view"))
                    .click();
            return !driver.findElements(letterRow).isEmpty();
        });
        assertThat(browser.findElement(letterRow).getText()).contains("access-worker");
        browser.findElement(letterRow)
                .findElement(By.cssSelector("button.replay"))
                .click();

        wait.until(
                ExpectedConditions.textMatches(By.id("replay-result"), java.util.regex.Pattern.compile("replayed 1")));
        assertThat(browser.findElement(By.id("status-line")).getText()).startsWith("Sampled at");
    }

    @Test
    void swaggerUiLoadsAndItsAuthorizeButtonTakesADevelopmentToken() {
        browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"), "Onramp API"));
        assertThat(browser.findElements(By.cssSelector(".opblock-tag")))
                .extracting(WebElement::getText)
                .anyMatch(tag -> tag.startsWith("Operations"));

        browser.findElement(By.cssSelector("button.authorize")).click();
        WebElement value =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input")));
        value.sendKeys(token("u-1", "acme", "interviews:read"));
        browser.findElement(By.cssSelector(".auth-btn-wrapper button.authorize"))
                .click();
        // Accepted: the dialog now offers to log out.
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'auth-btn-wrapper')]/button[normalize-space()='Logout']")));
    }
}
