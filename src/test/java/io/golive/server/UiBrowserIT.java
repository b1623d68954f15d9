package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in Chromium: logs in, opens a launch, runs its checks with the button, sees the result. */
public class UiBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @BeforeEach
    void browserInstalled() {
        requireChromium();
    }

    /** Fails on CI, skips elsewhere, when Debian's chromium is missing. */
    public static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String why = "Debian's chromium and chromium-driver are not installed (run-tests installs them)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as(why).isTrue(); // CI installs them: never skip there
        }
        Assumptions.assumeTrue(installed, why);
    }

    @Test
    void aPersonLogsInAndRunsTheChecksOfALaunch() throws Exception {
        try (TestServer server = TestServer.h2(dir, Map.of())) {
            server.token("web", "editor");
            long id = createLaunch(
                    server, "checks:\n  - item: TLS certificates valid\n    fake: {result: PASS, say: valid}\n");
            WebDriver browser = chromium();
            try {
                var wait = waitFor(browser);
                logIn(browser, wait, server, "web");
                browser.findElement(By.linkText("checkout")).click();
                wait.until(d -> d.getCurrentUrl().endsWith("/launches/" + id));
                assertThat(browser.findElement(By.id("decision")).getText()).isEqualTo("NO_GO");
                browser.findElement(By.id("run")).click();
                wait.until(d -> d.findElement(By.id("items")).getText().contains("PASS"));
                wait.until(d -> d.findElement(By.id("items")).getText().contains("fake: valid"));
                screenshot(browser, "ui-launch.png");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void anApproverSignsOffInTheBrowserAndOthersAreNotOffered() throws Exception {
        try (TestServer server = TestServer.h2(dir, Map.of())) {
            server.token("carol", "viewer", "CTO");
            server.token("web", "editor");
            Api viewer = server.api(server.token("vi", "viewer"));
            long id = createLaunch(server, "");
            WebDriver browser = chromium();
            try {
                var wait = waitFor(browser);
                logIn(browser, wait, server, "carol");
                browser.get(server.base() + "/launches/" + id);
                assertThat(browser.findElements(By.id("sign-Security-Lead"))).isEmpty(); // carol does not hold it
                browser.findElement(By.cssSelector("#sign-CTO input[name=comment]"))
                        .sendKeys("evidence reviewed");
                browser.findElement(By.cssSelector("#sign-CTO button[value=APPROVE]"))
                        .click();
                wait.until(d -> d.findElement(By.cssSelector("#sign-CTO .result"))
                        .getText()
                        .equals("APPROVE recorded"));
                wait.until(d -> d.findElement(By.id("signoffs")).getText().contains("carol"));
                assertThat(browser.findElement(By.id("signoffs")).getText()).contains("APPROVE");
                screenshot(browser, "ui-signoff.png");

                browser.manage().deleteAllCookies();
                logIn(browser, wait, server, "web");
                browser.get(server.base() + "/launches/" + id);
                assertThat(browser.findElements(By.id("sign"))).isEmpty();
            } finally {
                browser.quit();
            }
            var cto = ApiContractIT.signoff(viewer.get("/api/launches/" + id).json(), "CTO");
            assertThat(cto.get("user").asString()).isEqualTo("carol");
            assertThat(cto.get("verdict").asString()).isEqualTo("APPROVE");
            assertThat(cto.get("comment").asString()).isEqualTo("evidence reviewed");
        }
    }

    private static long createLaunch(TestServer server, String checks) {
        return server.api(server.token("ed", "editor"))
                .post("/api/launches", Api.launch(ApiContractIT.spec(checks), "LAUNCH.md", ApiContractIT.CHECKLIST))
                .json()
                .get("id")
                .asLong();
    }

    public static Wait<WebDriver> waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class); // htmx swaps the section in place
    }

    /** Saves what the browser shows to target/screenshots/NAME (people look at these). */
    public static void screenshot(WebDriver browser, String name) throws java.io.IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    public static void logIn(WebDriver browser, Wait<WebDriver> wait, TestServer server, String user) {
        browser.get(server.base() + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("password-of-" + user);
        browser.findElement(By.id("sign-in")).click();
        try {
            wait.until(d -> !d.findElements(By.id("launches")).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "no launch list after logging in as " + user + " at " + browser.getCurrentUrl() + ": "
                            + browser.getPageSource(),
                    e);
        }
    }

    public static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
