package io.golive.server;

import static io.golive.server.UiBrowserIT.chromium;
import static io.golive.server.UiBrowserIT.logIn;
import static io.golive.server.UiBrowserIT.screenshot;
import static io.golive.server.UiBrowserIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The timeline, criteria and item editing pages in Chromium, against a server on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiPagesIT {
    static final String CHECKLIST = """
            # Checkout Launch

            ## Pre-Launch (T-7 days)
            - [ ] TLS certificates valid
            - [ ] Runbook written
            - [ ] Load test passed

            ## Final checks (T-1 day)
            - [ ] Rollback rehearsed

            ## Go/No-Go Decision
            | Criterion | Threshold | Actual | Status |
            |---|---|---|---|
            | CFUR | ≥ 99.8% | _ | Awaiting |
            | Error Rate | < 0.1% | _ | Awaiting |

            ## Launch Day (T-0)
            - [ ] Flip the feature flag

            ## Post-Launch (T+7 days)
            - [ ] Monitor errors

            ## Sign-Off
            | Role | Name | Signature | Date |
            |------|------|-----------|------|
            | CTO | | | |
            """;
    static final String RUNBOOK = "pre-launch-t-7-days/runbook-written";
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    @TempDir
    static Path dir;

    TestServer server;
    Api editor;
    Api viewer;
    Api admin;

    @BeforeAll
    void start() {
        UiBrowserIT.requireChromium();
        server = TestServer.h2(dir, Map.of());
        editor = server.api(server.token("web", "editor"));
        viewer = server.api(server.token("vic", "viewer"));
        admin = server.api(server.token("root", "admin"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void browserInstalled() {
        UiBrowserIT.requireChromium();
    }

    /** A launch 3 days and an hour from now: T-7d is 4 days ago (overdue), T-1d in 2 days. */
    private long createLaunch(Instant launch, String checks) {
        String spec = "name: checkout\nlaunch: " + launch + "\nchecklist: LAUNCH.md\n" + checks;
        Api.Response r = editor.post("/api/launches", Api.launch(spec, "LAUNCH.md", CHECKLIST));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void theTimelineShowsSectionsByOffsetWithReadableDueDatesOwnersAndOverdueInRed() throws Exception {
        Instant launch = Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
        long id = createLaunch(launch, "");
        editor.patch(
                "/api/launches/" + id + "/items?item=" + Api.q(RUNBOOK), Map.of("owner", "alice", "status", "DONE"));
        WebDriver browser = chromium();
        try {
            var wait = waitFor(browser);
            logIn(browser, wait, server, "vic");
            browser.get(server.base() + "/launches/" + id + "/timeline");
            List<String> offsets = browser.findElements(By.cssSelector("li.stop .offset")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(offsets).containsExactly("T-7d", "T-1d", "T-0", "T+7d");

            WebElement week = stop(browser, "T-7d");
            String weekDue = READABLE.format(launch.minus(Duration.ofDays(7)).atZone(ZoneOffset.UTC));
            assertThat(week.findElement(By.className("due")).getText()).isEqualTo(weekDue + " — 4 days ago");
            assertThat(week.getAttribute("class")).contains("overdue");
            assertThat(week.findElement(By.className("flag")).getText()).isEqualToIgnoringCase("overdue");
            WebElement tls = item(browser, "pre-launch-t-7-days/tls-certificates-valid");
            assertThat(tls.getAttribute("class")).contains("overdue");
            assertThat(tls.findElement(By.cssSelector(".text > span")).getCssValue("color"))
                    .isEqualTo("rgba(176, 32, 42, 1)");
            assertThat(week.findElement(By.cssSelector(".count")).getText()).isEqualTo("1 of 3 done");
            assertThat(item(browser, RUNBOOK).findElement(By.className("owner")).getText())
                    .isEqualTo("alice");
            assertThat(item(browser, RUNBOOK).getAttribute("class")).doesNotContain("overdue");

            WebElement dayBefore = stop(browser, "T-1d");
            String dayBeforeDue =
                    READABLE.format(launch.minus(Duration.ofDays(1)).atZone(ZoneOffset.UTC));
            assertThat(dayBefore.findElement(By.className("due")).getText()).isEqualTo(dayBeforeDue + " — in 2 days");
            assertThat(dayBefore.getAttribute("class")).doesNotContain("overdue");
            assertThat(stop(browser, "T+7d").findElement(By.className("due")).getText())
                    .endsWith("— in 10 days");
            assertThat(browser.findElement(By.id("t0")).getText())
                    .contains(READABLE.format(launch.atZone(ZoneOffset.UTC)) + " — in 3 days")
                    .contains("UTC");
            assertThat(browser.findElements(By.cssSelector("details.edit"))).isEmpty(); // a viewer edits nothing
            screenshot(browser, "ui-timeline.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anEditorEditsAnItemInTheTimelineAndTheChangePersists() throws Exception {
        long id = createLaunch(Instant.now().plus(Duration.ofDays(3)), "");
        WebDriver browser = chromium();
        try {
            var wait = waitFor(browser);
            logIn(browser, wait, server, "web");
            browser.get(server.base() + "/launches/" + id + "/timeline");
            WebElement row = item(browser, RUNBOOK);
            row.findElement(By.cssSelector("details.edit summary")).click();
            WebElement form = row.findElement(By.cssSelector("form.item-edit"));
            form.findElement(By.name("owner")).sendKeys("alice");
            new Select(form.findElement(By.name("status"))).selectByValue("DONE");
            form.findElement(By.name("note")).sendKeys("reviewed with on-call");
            form.findElement(By.name("evidenceUrl")).sendKeys("ftp://wiki.example.com/runbook");
            screenshot(browser, "ui-item-edit.png");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            // the API's own validation answers, in words, in the form
            wait.until(d -> item(d, RUNBOOK)
                    .findElement(By.cssSelector(".result"))
                    .getText()
                    .equals("Evidence link: must be an http(s) URL"));
            WebElement url = item(browser, RUNBOOK).findElement(By.name("evidenceUrl"));
            url.clear();
            url.sendKeys("https://wiki.example.com/runbook");
            item(browser, RUNBOOK)
                    .findElement(By.cssSelector("button[type=submit]"))
                    .click();
            wait.until(d -> d.findElement(By.id("edit-result")).getText().startsWith("Saved " + RUNBOOK));
            wait.until(d -> item(d, RUNBOOK)
                    .findElement(By.className("owner"))
                    .getText()
                    .equals("alice"));
            assertThat(browser.findElement(By.id("edit-result")).getText()).contains("by web");

            browser.navigate().refresh();
            WebElement after = item(browser, RUNBOOK);
            assertThat(after.findElement(By.className("owner")).getText()).isEqualTo("alice");
            assertThat(after.findElement(By.className("status")).getText()).isEqualTo("DONE");
            assertThat(after.findElement(By.className("note")).getText()).isEqualTo("reviewed with on-call");
            assertThat(after.findElement(By.cssSelector("a.link")).getAttribute("href"))
                    .isEqualTo("https://wiki.example.com/runbook");
            assertThat(stop(browser, "T-7d")
                            .findElement(By.cssSelector(".count"))
                            .getText())
                    .isEqualTo("1 of 3 done");
            screenshot(browser, "ui-item-edited.png");
        } finally {
            browser.quit();
        }
        JsonNode runbook = item(viewer.get("/api/launches/" + id).json(), RUNBOOK);
        assertThat(runbook.get("owner").asString()).isEqualTo("alice");
        assertThat(runbook.get("status").asString()).isEqualTo("DONE");
        assertThat(runbook.get("note").asString()).isEqualTo("reviewed with on-call");
        assertThat(runbook.get("evidenceUrl").asString()).isEqualTo("https://wiki.example.com/runbook");
        String audit = admin.get("/api/launches/" + id + "/audit").body();
        assertThat(audit).contains("item.update").contains("\"actor\":\"web\"");
    }

    @Test
    void aViewerIsOfferedNoEditFormAndTheirSessionIsRefusedAndAudited() throws Exception {
        long id = createLaunch(Instant.now().plus(Duration.ofDays(3)), "");
        WebDriver browser = chromium();
        try {
            var wait = waitFor(browser);
            logIn(browser, wait, server, "vic");
            browser.get(server.base() + "/launches/" + id + "/timeline");
            assertThat(browser.findElements(By.cssSelector("li.item"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("form.item-edit"))).isEmpty();
            // what the form would send, from the viewer's own session with the page's CSRF token
            Object status = ((JavascriptExecutor) browser)
                    .executeAsyncScript("""
                            var done = arguments[arguments.length - 1];
                            var token = document.querySelector('meta[name="csrf-token"]').content;
                            fetch(arguments[0], {method: "PATCH", body: JSON.stringify({owner: "mallory"}),
                              headers: {"Content-Type": "application/json", "X-CSRF-TOKEN": token}})
                              .then(function (r) { done(r.status); }, function (e) { done(String(e)); });
                            """, "/api/launches/" + id + "/items?item=" + Api.q(RUNBOOK));
            assertThat(status).isEqualTo(403L);
        } finally {
            browser.quit();
        }
        assertThat(item(viewer.get("/api/launches/" + id).json(), RUNBOOK)
                        .get("owner")
                        .isNull())
                .isTrue();
        String audit = admin.get("/api/launches/" + id + "/audit").body();
        assertThat(audit).contains("refused.403").contains("\"actor\":\"vic\"");
    }

    @Test
    void theCriteriaTableShowsActualThresholdWhetherMetAndTheEvidence() throws Exception {
        String checks = "targets:\n  metrics: { url: \"http://127.0.0.1:9/metrics\" }\nchecks:\n  - criterion: CFUR\n"
                + "    fake: { result: PASS, say: \"99.9% crash-free\", actual: 99.9, unit: \"%\", target: metrics }\n";
        long id = createLaunch(Instant.now().plus(Duration.ofDays(3)), checks);
        long evaluation = editor.post("/api/launches/" + id + "/evaluations", null)
                .json()
                .get("evaluationId")
                .asLong();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!viewer.get("/api/launches/" + id + "/evaluations/" + evaluation)
                .json()
                .path("status")
                .asString()
                .equals("DONE")) {
            assertThat(System.nanoTime())
                    .as("evaluation %d done within 30 s", evaluation)
                    .isLessThan(until);
            Thread.sleep(100);
        }
        WebDriver browser = chromium();
        try {
            var wait = waitFor(browser);
            logIn(browser, wait, server, "vic");
            browser.get(server.base() + "/launches/" + id + "/criteria");
            WebElement cfur = browser.findElement(By.cssSelector("tr[data-criterion='go-no-go-decision/cfur']"));
            assertThat(cfur.findElement(By.className("actual")).getText()).contains("99.9");
            assertThat(cfur.findElement(By.className("threshold")).getText()).contains("99.8");
            assertThat(cfur.findElement(By.className("met")).getText()).startsWith("met");
            assertThat(cfur.findElement(By.cssSelector(".met")).getCssValue("color"))
                    .isEqualTo("rgba(21, 122, 58, 1)");
            assertThat(cfur.findElement(By.cssSelector(".evidence a.link")).getAttribute("href"))
                    .isEqualTo("http://127.0.0.1:9/metrics");
            WebElement errors =
                    browser.findElement(By.cssSelector("tr[data-criterion='go-no-go-decision/error-rate']"));
            assertThat(errors.findElement(By.className("actual")).getText()).isEqualTo("—");
            assertThat(errors.findElement(By.className("met")).getText()).startsWith("not measured");
            assertThat(errors.findElement(By.className("evidence")).getText()).isEqualTo("no check measures it");
            screenshot(browser, "ui-criteria.png");
        } finally {
            browser.quit();
        }
    }

    private static WebElement stop(WebDriver browser, String offset) {
        return browser.findElement(By.cssSelector("li.stop[data-offset='" + offset + "']"));
    }

    private static WebElement item(WebDriver browser, String id) {
        return browser.findElement(By.cssSelector("li.item[data-item='" + id + "']"));
    }

    private static JsonNode item(JsonNode launch, String id) {
        for (JsonNode i : launch.get("items")) {
            if (i.get("id").asString().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no item " + id + " in " + launch);
    }
}
