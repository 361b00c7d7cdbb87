package io.hallwatch.crew;

import static io.hallwatch.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.EmbeddedBroker;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.ingest.Topics;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The crew page in a real headless Chromium against the running service: a cleaning crew member logs
 * in, sees the BIN_FULL order a bin reading opened, acknowledges and resolves it with a note from the
 * page; a wrong password shows an error and no orders. Runs the system's chromium and chromedriver, so
 * that Selenium Manager never downloads a browser; where they are missing the class is skipped with
 * the reason, or fails under {@code HALLWATCH_REQUIRE_SERVICES=true}.
 */
@ExtendWith(CrewPageBrowserTest.ChromiumInstalled.class)
@QuarkusTest
class CrewPageBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MqttIngest ingest;
    @Inject
    EmbeddedBroker broker;

    @TestHTTPResource("/crew/")
    URL crewPage;

    TestHall hall;
    String user;
    String password;
    long orderId;
    Path profile;
    ChromeDriver driver;
    WebDriverWait wait;

    /** Skips the class where the browser or its driver is missing, before Quarkus starts for it. */
    public static class ChromiumInstalled implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                    .filter(path -> !Files.isExecutable(Path.of(path))).toList();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
            }
            String reason = "SKIPPED crew page browser tests, not installed: " + String.join(", ", missing)
                    + ". Install the Debian packages chromium and chromium-driver (.ci/run does).";
            if (Boolean.parseBoolean(System.getenv("HALLWATCH_REQUIRE_SERVICES"))) {
                throw new IllegalStateException("HALLWATCH_REQUIRE_SERVICES is set but: " + reason);
            }
            System.err.println(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    @BeforeEach
    void openABinFullOrderForACleaner() throws Exception {
        await().atMost(WAIT).until(ingest::isConnected);
        hall = Api.provisionHall();
        user = "c" + Api.unique();
        password = "crew-pass-" + Api.unique();
        admin().body(Map.of("username", user, "name", "保洁 " + user, "password", password,
                "roles", List.of("cleaning"), "halls", List.of(hall.hall())))
                .post("/api/users").then().statusCode(201);
        try (DeviceClient bin = DeviceClient.connect("tcp://127.0.0.1:" + broker.port(), hall.bin(),
                hall.password(hall.bin()))) {
            bin.publish(Topics.reading(hall.hall(), DeviceKind.BIN, hall.bin()),
                    "{\"ts\":\"" + Instant.now() + "\",\"fill\":80.5,\"seq\":1}");
        }
        orderId = await().atMost(WAIT).until(this::binFullOrderId, id -> id != null);
        startBrowser();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aCleanerAcknowledgesAndResolvesTheOrderFromThePage() {
        driver.get(crewPage + "#order-" + orderId);
        logIn(password);
        seeTheOrderHighlighted();
        acknowledgeOnThePage();
        resolveOnThePage("已清空，换了新垃圾袋");
        driver.findElement(By.id("logout")).click();
        wait.until(visibilityOfElementLocated(By.id("login-form")));
        assertEquals(0L, script("return sessionStorage.length"), "log out forgets the credentials");
    }

    @Test
    void aWrongPasswordShowsAnErrorAndNoOrders() {
        driver.get(crewPage.toString());
        logIn("not-the-password");
        WebElement error = wait.until(visibilityOfElementLocated(By.id("login-error")));
        assertEquals("用户名或密码错误", error.getText());
        assertTrue(driver.findElement(By.id("login-form")).isDisplayed());
        assertFalse(driver.findElement(By.id("orders-view")).isDisplayed());
        assertTrue(driver.findElements(By.cssSelector("[data-order-id]")).isEmpty());
        assertEquals(0L, script("return sessionStorage.length"), "a refused login keeps nothing");
    }

    private void seeTheOrderHighlighted() {
        Map<String, Object> order = crew().get("/api/work-orders/" + orderId).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        WebElement card = wait.until(visibilityOfElementLocated(card()));
        assertEquals(order.get("place"), card.findElement(field("place")).getText());
        assertEquals(order.get("summary"), card.findElement(field("summary")).getText());
        assertEquals("OPEN", card.getDomAttribute("data-status"));
        assertEquals("垃圾桶将满", card.findElement(field("type")).getText(), "labels default to Chinese");
        assertEquals("确认", card.findElement(action("ack")).getText());
        wait.until(attributeToBe(card(), "data-highlighted", "true"));
    }

    private void acknowledgeOnThePage() {
        driver.findElement(inCard(actionSelector("ack"))).click();
        wait.until(attributeToBe(card(), "data-status", "ACKNOWLEDGED"));
        wait.until(invisibilityOfElementLocated(inCard(actionSelector("ack"))));
        assertEquals("已确认", driver.findElement(inCard(fieldSelector("status"))).getText());
        List<Map<String, Object>> history = history();
        assertTrue(history.stream().anyMatch(entry -> "ACKNOWLEDGED".equals(entry.get("event"))
                && ("user:" + user).equals(entry.get("actor"))), "history: " + history);
    }

    private void resolveOnThePage(String note) {
        driver.findElement(inCard(actionSelector("resolve"))).click();
        wait.until(visibilityOfElementLocated(inCard(fieldSelector("note")))).sendKeys(note);
        driver.findElement(inCard(actionSelector("resolve-confirm"))).click();
        wait.until(numberOfElementsToBe(card(), 0));
        wait.until(visibilityOfElementLocated(By.id("orders-empty")));
        JsonPath resolved = crew().get("/api/work-orders/" + orderId).then().statusCode(200).extract().jsonPath();
        assertEquals("RESOLVED", resolved.getString("status"));
        List<Map<String, Object>> history = history();
        assertTrue(history.stream().anyMatch(entry -> "RESOLVED".equals(entry.get("event"))
                && ("user:" + user).equals(entry.get("actor")) && note.equals(entry.get("reason"))
                && entry.get("evidence") instanceof Map<?, ?> evidence && note.equals(evidence.get("note"))),
                "history: " + history);
    }

    private void startBrowser() throws IOException {
        profile = Files.createTempDirectory("crew-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=412,915", "--user-data-dir=" + profile);
        // navigator.language follows the accepted languages; --lang alone does not change it on Linux.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    private void logIn(String withPassword) {
        wait.until(visibilityOfElementLocated(By.id("login-form")));
        driver.findElement(By.id("login-username")).sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(withPassword);
        driver.findElement(By.id("login-submit")).click();
    }

    private Long binFullOrderId() {
        List<Map<String, Object>> mine = crew().get("/api/me/work-orders").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return mine.stream().filter(o -> "BIN_FULL".equals(o.get("type")))
                .map(o -> ((Number) o.get("id")).longValue()).findFirst().orElse(null);
    }

    private List<Map<String, Object>> history() {
        List<Map<String, Object>> entries = crew().get("/api/work-orders/" + orderId).then().statusCode(200)
                .extract().jsonPath().getList("history");
        return entries == null ? List.of() : new ArrayList<>(entries);
    }

    private RequestSpecification crew() {
        return given().auth().preemptive().basic(user, password);
    }

    private Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    private By card() {
        return By.cssSelector(cardSelector());
    }

    private String cardSelector() {
        return "[data-order-id='" + orderId + "']";
    }

    private By inCard(String inner) {
        return By.cssSelector(cardSelector() + " " + inner);
    }

    private static By field(String name) {
        return By.cssSelector(fieldSelector(name));
    }

    private static String fieldSelector(String name) {
        return "[data-field='" + name + "']";
    }

    private static By action(String name) {
        return By.cssSelector(actionSelector(name));
    }

    private static String actionSelector(String name) {
        return "[data-action='" + name + "']";
    }
}
