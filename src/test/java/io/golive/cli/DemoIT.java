package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.Api;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code golive demo --port 0} as a user runs it: reads the printed tour, then checks over HTTP that
 * the sample launches were imported and evaluated against the sample target, that the deliberate
 * failure makes partner-api NO-GO, and that the printed tokens work. Stopping it deletes its database.
 */
class DemoIT {
    private static final StringWriter OUT = new StringWriter();
    private static final StringWriter ERR = new StringWriter();
    private static final AtomicInteger EXIT = new AtomicInteger(-1);

    private static Thread demo;
    private static String tour;
    private static String base;

    @BeforeAll
    static void start() throws InterruptedException {
        demo = Thread.ofPlatform()
                .name("golive-demo-it")
                .start(() -> EXIT.set(
                        Main.run(new PrintWriter(OUT, true), new PrintWriter(ERR, true), "demo", "--port", "0")));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!OUT.toString().contains("More: ") && demo.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        tour = OUT.toString();
        assertThat(tour).as("stderr: " + ERR).contains("More: ");
        base = find("running at (http://\\S+)");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        demo.interrupt();
        demo.join(Duration.ofSeconds(30));
        assertThat(demo.isAlive()).isFalse();
        assertThat(EXIT.get()).isZero();
        assertThat(OUT.toString()).contains("golive demo: stopped; deleted");
        assertThat(Path.of(find("database: (\\S+) \\(temporary"))).doesNotExist();
    }

    @Test
    void theSampleLaunchesAreListedWithTheirDecisions() {
        Api.Response r = editor().get("/api/launches");
        assertThat(r.status()).isEqualTo(200);
        Map<String, String> decisions = new java.util.HashMap<>();
        r.json()
                .forEach(l -> decisions.put(
                        l.get("name").asString(), l.get("decision").asString()));
        assertThat(decisions)
                .containsEntry("storefront-search", "GO")
                .containsEntry("partner-api", "NO_GO")
                .containsKey("checkout-v3");
        assertThat(tour).containsPattern("#\\d+ storefront-search +GO");
    }

    @Test
    void theFirstEvaluationRanRealChecksAgainstTheSampleTarget() {
        JsonNode launch = launch("storefront-search");
        assertThat(launch.get("evaluation").get("status").asString()).isEqualTo("DONE");
        List<JsonNode> checks = checks(launch);
        assertThat(checks)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(c ->
                        assertThat(c.get("status").asString()).as(c.toString()).isEqualTo("PASS"));
        assertThat(checks)
                .anySatisfy(c -> assertThat(c.get("summary").asString()).startsWith("200 in"))
                .anySatisfy(c -> assertThat(c.get("type").asString()).isEqualTo("cors"));
        assertThat(checks(launch("checkout-v3"))).anySatisfy(c -> {
            assertThat(c.get("type").asString()).isEqualTo("rateLimit");
            assertThat(c.get("status").asString()).isEqualTo("PASS");
            assertThat(c.get("summary").asString()).contains("429");
        });
    }

    @Test
    void theDeliberateFailureMakesPartnerApiNoGoWithItsReason() {
        JsonNode launch = launch("partner-api");
        assertThat(launch.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(StreamSupport.stream(launch.get("reasons").spliterator(), false)
                        .map(JsonNode::asString))
                .anySatisfy(r -> assertThat(r).startsWith("FAIL").contains("missing Content-Security-Policy"));
        assertThat(checks(launch))
                .filteredOn(c -> c.get("type").asString().equals("headers"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("status").asString()).isEqualTo("FAIL"));
    }

    @Test
    void thePrintedTokensWorkAndSigningOffTurnsCheckoutGo() {
        assertThat(new Api(base, null).get("/api/launches").status()).isEqualTo(401);
        long id = launch("checkout-v3").get("id").asLong();
        assertThat(launch("checkout-v3").get("decision").asString()).isEqualTo("NO_GO");
        Api cto = new Api(base, token("cto"));
        Api security = new Api(base, token("security"));
        assertThat(cto.post("/api/launches/" + id + "/signoffs", Map.of("role", "CTO", "verdict", "APPROVE"))
                        .status())
                .isEqualTo(201);
        assertThat(security.post(
                                "/api/launches/" + id + "/signoffs",
                                Map.of("role", "Security Lead", "verdict", "APPROVE"))
                        .status())
                .isEqualTo(201);
        assertThat(launch("checkout-v3").get("decision").asString()).isEqualTo("GO");
    }

    private static Api editor() {
        return new Api(base, token("editor"));
    }

    private static String token(String user) {
        return find("(?m)^  " + user + " .*token: (\\S+)");
    }

    private static JsonNode launch(String name) {
        for (JsonNode l : editor().get("/api/launches").json()) {
            if (l.get("name").asString().equals(name)) {
                return editor().get("/api/launches/" + l.get("id").asLong()).json();
            }
        }
        throw new AssertionError("no launch " + name);
    }

    private static List<JsonNode> checks(JsonNode launch) {
        return StreamSupport.stream(launch.get("items").spliterator(), false)
                .flatMap(i -> StreamSupport.stream(i.get("checks").spliterator(), false))
                .toList();
    }

    private static String find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(OUT.toString());
        assertThat(m.find()).as(regex + " in:\n" + OUT).isTrue();
        return m.group(1);
    }
}
