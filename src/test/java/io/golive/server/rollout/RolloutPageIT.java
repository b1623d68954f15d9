package io.golive.server.rollout;

import static io.golive.server.UiBrowserIT.chromium;
import static io.golive.server.UiBrowserIT.logIn;
import static io.golive.server.UiBrowserIT.screenshot;
import static io.golive.server.UiBrowserIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.Api;
import io.golive.server.TestServer;
import io.golive.server.UiBrowserIT;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The rollout page in Chromium while a server rollout runs against loopback: the steps with the
 * current one, the hold left, the metric's chart with its threshold line, updated by htmx without a
 * reload, and the rollback with its events and the chain's verdict.
 */
class RolloutPageIT {
    @TempDir
    Path dir;

    private LoopbackWorld world;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        UiBrowserIT.requireChromium();
        world = new LoopbackWorld();
        server = TestServer.h2(dir.resolve("data"), Map.of("golive.rollouts.poll", "200ms"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theRolloutPageShowsStepsHoldAndAChartAgainstTheThresholdAndFollowsTheRollback() throws Exception {
        Api editor = server.api(server.token("web", "editor"));
        Api viewer = server.api(server.token("vic", "viewer"));
        Api.Response created = editor.post(
                "/api/launches",
                Api.launch(
                        world.spec("[10%, hold 1s, 50%, hold 60s, 100%]", "300ms"),
                        "LAUNCH.md",
                        LoopbackWorld.CHECKLIST));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        WebDriver browser = chromium();
        try {
            var wait = waitFor(browser);
            logIn(browser, wait, server, "web");
            browser.get(server.base() + "/launches/" + id + "/rollout");
            assertThat(browser.findElement(By.id("no-rollout")).getText()).contains("No rollout yet");

            assertThat(editor.post("/api/launches/" + id + "/evaluations", Map.of())
                            .status())
                    .isEqualTo(202);
            RolloutApiIT.await(
                    "GO",
                    Duration.ofSeconds(30),
                    () -> viewer.get("/api/launches/" + id)
                            .json()
                            .get("decision")
                            .asString()
                            .equals("GO"));
            world.errorRate(0.002);
            Api.Response started = editor.post("/api/launches/" + id + "/rollout", null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            RolloutApiIT.await(
                    "the 50% hold",
                    Duration.ofSeconds(60),
                    () -> viewer.get("/api/launches/" + id + "/rollout")
                                    .json()
                                    .get("weight")
                                    .asInt()
                            == 50);

            browser.get(server.base() + "/launches/" + id + "/rollout");
            List<String> steps = browser.findElements(By.cssSelector("#steps li")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(steps).containsExactly("10%", "hold 1s", "50%", "hold 1m", "100%");
            assertThat(browser.findElements(By.cssSelector("#steps li")).stream()
                            .map(li -> li.getAttribute("class"))
                            .toList())
                    .containsExactly("done", "done", "done", "current", "next");
            WebElement current = browser.findElement(By.cssSelector("#steps li[aria-current=step]"));
            assertThat(current.getText()).isEqualTo("hold 1m");
            assertThat(current.getCssValue("background-color")).isEqualTo("rgba(29, 35, 48, 1)");
            assertThat(browser.findElement(By.id("rollout-status")).getText()).isEqualTo("RUNNING");
            assertThat(browser.findElement(By.id("rollout-weight")).getText()).isEqualTo("50 %");
            assertThat(browser.findElement(By.id("hold-left")).getText()).matches("· (\\d+s|1m) left of healthy hold");

            WebElement chart = browser.findElement(By.cssSelector("svg.chart[data-metric='error rate']"));
            WebElement threshold = chart.findElement(By.cssSelector("line.threshold"));
            assertThat(chart.getText()).contains("> 1% → rollback");
            double thresholdY = Double.parseDouble(threshold.getAttribute("y1"));
            int readings = chart.findElements(By.cssSelector("circle.reading")).size();
            assertThat(readings).isPositive();
            for (WebElement dot : chart.findElements(By.cssSelector("circle.reading"))) {
                assertThat(Double.parseDouble(dot.getAttribute("cy"))).isGreaterThan(thresholdY); // 0.2% < 1%
            }
            assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("The event chain verifies");
            screenshot(browser, "ui-rollout-running.png");

            // htmx polls the live fragment: new readings arrive without a reload
            wait.until(d ->
                    d.findElements(By.cssSelector("svg.chart circle.reading")).size() > readings + 2);

            world.errorRate(0.05);
            wait.until(d -> d.findElement(By.id("rollout-status")).getText().equals("ROLLED_BACK"));
            assertThat(browser.findElements(By.cssSelector("svg.chart circle.breach")))
                    .isNotEmpty();
            WebElement breach = browser.findElements(By.cssSelector("svg.chart circle.breach"))
                    .get(0);
            double breachY = Double.parseDouble(breach.getAttribute("cy"));
            double lineY = Double.parseDouble(browser.findElement(By.cssSelector("svg.chart line.threshold"))
                    .getAttribute("y1"));
            assertThat(breachY).isLessThan(lineY); // 5% is drawn above the 1% line
            String events = browser.findElement(By.id("events")).getText();
            assertThat(events).contains("trigger").contains("rollback").contains("started");
            assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("The event chain verifies");
            assertThat(browser.findElements(By.cssSelector("#rollout[hx-trigger]")))
                    .isEmpty(); // done: no more polling
            screenshot(browser, "ui-rollout-rolled-back.png");

            // this spec names no launch date: the timeline says so and shows sections without a due date
            browser.get(server.base() + "/launches/" + id + "/timeline");
            assertThat(browser.findElement(By.id("t0")).getText()).contains("names no launch date");
            assertThat(browser.findElements(By.cssSelector("li.stop .offset")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .containsExactly("No date");
            assertThat(browser.findElements(By.cssSelector("li.stop .due"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector("li.item[data-item='pre-launch/runbook-written'] .status"))
                            .getText())
                    .isEqualTo("PASS");
        } finally {
            browser.quit();
        }
    }
}
