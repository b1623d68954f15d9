package io.golive.server.notify;

import static com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.golive.notify.Event;
import io.golive.notify.Launch;
import io.golive.notify.RolloutChange;
import io.golive.notify.Sink;
import io.golive.server.Api;
import io.golive.server.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications through a running server: a launch whose spec has {@code notify:} entries is told
 * when its evaluation flips GO and NO-GO, over webhooks on loopback (json, Slack, a flaky one) and a
 * real SMTP server; rollout events published in a transaction reach PagerDuty; the record never shows
 * a secret.
 */
class ServerNotificationsIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SLACK_TOKEN = "T000-SLACK-SECRET-PATH";
    static final String PD_KEY = "pd-routing-key-secret-42";
    static final String SMTP_PASSWORD = "smtp-pw-secret-77";

    static final String CHECKLIST = "# Shop launch\n\n## Pre-Launch\n- [ ] Health endpoint answers\n";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(aConfig().withUser("golive@example.com", "golive", SMTP_PASSWORD));

    @TempDir
    Path dir;

    private Sink sink;
    private TestServer server;
    private Api editor;
    private Api viewer;

    @BeforeEach
    void start() throws Exception {
        sink = new Sink();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("golive.secrets.key", randomKey());
        props.put("golive.notify.retry.first", "300ms");
        props.put("golive.notify.sweep", "500ms");
        server = TestServer.h2(dir, props);
        Api admin = server.api(server.token("root", "admin"));
        editor = server.api(server.token("ed", "editor"));
        viewer = server.api(server.token("vi", "viewer"));
        secret(admin, "SLACK_HOOK", sink.url("slack/" + SLACK_TOKEN));
        secret(admin, "PD_KEY", PD_KEY);
        secret(admin, "SMTP_PASSWORD", SMTP_PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
        sink.close();
    }

    static String spec(Sink sink, int smtpPort) {
        return "name: shop\nchecklist: LAUNCH.md\n"
                + "checks:\n"
                + "  - item: Health endpoint answers\n"
                + "    http: { url: \"" + sink.url("health") + "\" }\n"
                + "notify:\n"
                + "  - webhook: \"" + sink.url("hook") + "\"\n"
                + "    events: [decision, rollout]\n"
                + "  - webhook: \"${SLACK_HOOK}\"\n"
                + "    format: slack\n"
                + "    events: [decision]\n"
                + "  - webhook: \"" + sink.url("flaky") + "\"\n"
                + "    events: [decision]\n"
                + "  - webhook: \"" + sink.url("pd") + "\"\n"
                + "    format: pagerduty\n"
                + "    routingKey: \"${PD_KEY}\"\n"
                + "  - email: [release@example.com]\n"
                + "    smtp: { host: 127.0.0.1, port: " + smtpPort
                + ", username: golive, password: \"${SMTP_PASSWORD}\" }\n"
                + "    events: [decision]\n";
    }

    @Test
    void decisionFlipsAreToldOnEveryChannelOnceAndRecordedWithoutSecrets() throws Exception {
        sink.answer("flaky", 500, 500);
        long id = create(editor, spec(sink, MAIL.getSmtp().getPort()));

        evaluate(editor, id);
        await(() -> sink.bodies("hook").size() == 1 && sink.received("flaky").size() == 3 && mails() == 1);
        JsonNode go = JSON.readTree(sink.bodies("hook").get(0));
        assertThat(go.get("event").asString()).isEqualTo("decision");
        assertThat(go.get("launch").get("id").asString()).isEqualTo(Long.toString(id));
        assertThat(go.get("details").get("from").asString()).isEqualTo("NO_GO");
        assertThat(go.get("details").get("to").asString()).isEqualTo("GO");
        JsonNode slack = JSON.readTree(sink.bodies("slack/" + SLACK_TOKEN).get(0));
        assertThat(slack.get("blocks").isArray()).isTrue();
        assertThat(slack.get("blocks").get(0).get("type").asString()).isEqualTo("header");
        assertThat(slack.toString()).contains("shop: GO (was NO-GO)");
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[golive] shop: GO (was NO-GO)");
        await(() -> "SENT"
                .equals(delivery(viewer, id, 3, "decision", 1).get("outcome").asString()));
        JsonNode flaky = delivery(viewer, id, 3, "decision", 1);
        assertThat(flaky.get("channel").asString()).isEqualTo("webhook");
        assertThat(flaky.get("format").asString()).isEqualTo("json");
        assertThat(flaky.get("attempts").asInt()).isEqualTo(3);
        assertThat(sink.received("flaky")).hasSize(3);

        sink.answer("health", 503, 503, 503, 503, 503, 503);
        evaluate(editor, id);
        await(() -> sink.bodies("hook").size() == 2
                && mails() == 2
                && sink.received("flaky").size() == 4);
        JsonNode noGo = JSON.readTree(sink.bodies("hook").get(1));
        assertThat(noGo.get("details").get("from").asString()).isEqualTo("GO");
        assertThat(noGo.get("details").get("to").asString()).isEqualTo("NO_GO");
        assertThat(noGo.get("details").get("reasons").toString()).contains("Health endpoint answers");

        // the same decision again: nobody is told
        sink.answer("health", 503, 503, 503, 503, 503, 503);
        evaluate(editor, id);
        Thread.sleep(1500);
        assertThat(sink.bodies("hook")).hasSize(2);
        assertThat(sink.bodies("pd"))
                .as("PagerDuty hears of rollbacks and completions only")
                .isEmpty();

        JsonNode list = viewer.get("/api/launches/" + id + "/notifications").json();
        assertThat(list.get("notifications")).hasSize(8);
        for (JsonNode n : list.get("notifications")) {
            assertThat(n.get("outcome").asString()).isEqualTo("SENT");
            assertThat(n.get("at").asString()).isNotEmpty();
            assertThat(List.of("webhook", "email")).contains(n.get("channel").asString());
        }
        String everything = list.toString()
                + server.jdbc().sql("SELECT * FROM notifications").query().listOfRows();
        assertThat(everything)
                .doesNotContain(SLACK_TOKEN)
                .doesNotContain(PD_KEY)
                .doesNotContain(SMTP_PASSWORD);
        assertThat(list.toString()).contains("\"to\":\"" + sink.url("").replaceAll("/$", "") + "/****\"");
    }

    @Test
    void rolloutEventsPublishedInATransactionAreSentAfterItCommitsAndNotAtAllWhenItRollsBack() throws Exception {
        long id = create(editor, spec(sink, MAIL.getSmtp().getPort()));
        ApplicationEventPublisher events = server.context();
        TransactionTemplate tx = server.context().getBean(TransactionTemplate.class);
        Launch shop = new Launch(Long.toString(id), "shop");
        try {
            tx.executeWithoutResult(s -> {
                events.publishEvent(
                        Event.rollout(shop, Instant.now(), RolloutChange.ROLLED_BACK, Map.of("weight", 50)));
                throw new IllegalStateException("the rollout's change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back, and its notices with it
        }
        tx.executeWithoutResult(s -> {
            events.publishEvent(Event.rollout(
                    shop, Instant.now(), RolloutChange.ROLLED_BACK, Map.of("weight", 50, "reason", "p95 1.4 s")));
            assertThat(server.jdbc()
                            .sql("SELECT COUNT(*) FROM notifications")
                            .query(Long.class)
                            .single())
                    .as("written in the publisher's transaction")
                    .isEqualTo(2);
        });
        await(() -> sink.bodies("pd").size() == 1 && sink.bodies("hook").size() == 1);
        JsonNode pd = JSON.readTree(sink.bodies("pd").get(0));
        assertThat(pd.get("routing_key").asString()).isEqualTo(PD_KEY);
        assertThat(pd.get("event_action").asString()).isEqualTo("trigger");
        assertThat(pd.get("dedup_key").asString()).contains(Long.toString(id));
        assertThat(JSON.readTree(sink.bodies("hook").get(0)).get("event").asString())
                .isEqualTo("rollout.rolled_back");
        assertThat(sink.bodies("slack/" + SLACK_TOKEN))
                .as("its events: decision only")
                .isEmpty();
        Thread.sleep(1000);
        assertThat(sink.bodies("pd")).hasSize(1);
        String list = viewer.get("/api/launches/" + id + "/notifications").body();
        assertThat(list).contains("rollout.rolled_back").contains("pagerduty").doesNotContain(PD_KEY);
    }

    @Test
    void aRequiredRoleIsAskedOnceWhenOnlyItsSignoffStandsBetweenTheLaunchAndGo() throws Exception {
        server.token("carol@example.com", "CTO");
        server.token("dave", "cto", "editor");
        Api.Response withMail = server.api(server.token("root2", "admin"))
                .post("/api/users", "{\"name\": \"dave\", \"roles\": [\"cto\"], \"email\": \"dave@example.org\"}");
        assertThat(withMail.status()).as(withMail.body()).isEqualTo(201);
        String spec = "name: shop\nchecklist: LAUNCH.md\nchecks:\n  - item: Health endpoint answers\n"
                + "    http: { url: \"" + sink.url("health") + "\" }\n"
                + "notify:\n  - webhook: \"" + sink.url("asks") + "\"\n    events: [signoff, decision]\n"
                + "  - email: [release@example.com]\n    smtp: { host: 127.0.0.1, port: "
                + MAIL.getSmtp().getPort() + " }\n    events: [signoff]\n";
        Api.Response r = editor.post(
                "/api/launches",
                Api.launch(
                        spec,
                        "LAUNCH.md",
                        CHECKLIST
                                + "\n## Sign-Off\n| Role | Name | Signature | Date |\n|------|------|-----------|------|\n| CTO | | | |\n"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();

        evaluate(editor, id);
        await(() -> sink.bodies("asks").size() == 1);
        JsonNode ask = JSON.readTree(sink.bodies("asks").get(0));
        assertThat(ask.get("event").asString()).as(ask.toString()).isEqualTo("signoff");
        assertThat(ask.get("details").get("role").asString()).isEqualTo("CTO");
        assertThat(ask.get("details").get("users").toString())
                .isEqualTo("[\"carol@example.com\",\"dave@example.org\"]");
        await(() -> mails() == 3); // one message, one copy per recipient
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
        assertThat(java.util.Arrays.stream(MAIL.getReceivedMessages()[0].getAllRecipients())
                        .map(Object::toString))
                .containsExactly("release@example.com", "carol@example.com", "dave@example.org");
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("[golive] shop: sign-off wanted from CTO");

        evaluate(editor, id); // same evidence: not asked again, and still NO-GO: no decision event
        Thread.sleep(1500);
        assertThat(sink.bodies("asks")).hasSize(1);
        assertThat(viewer.get("/api/launches/" + id).json().get("decision").asString())
                .isEqualTo("NO_GO");
    }

    @Test
    void aChannelTheEgressPolicyDeniesFailsAtOnceAndReceivesNothing() throws Exception {
        server.close();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("golive.egress.deny", "127.0.0.0/8,::1/128");
        server = TestServer.h2(dir.resolve("denied"), props);
        Api ed = server.api(server.token("ed", "editor"));
        String url = sink.url("hook").replace("127.0.0.1", "localhost");
        long id = create(ed, "name: shop\nchecklist: LAUNCH.md\nnotify:\n  - webhook: \"" + url + "\"\n");
        TransactionTemplate tx = server.context().getBean(TransactionTemplate.class);
        tx.executeWithoutResult(s -> server.context()
                .publishEvent(Event.rollout(
                        new Launch(Long.toString(id), "shop"), Instant.now(), RolloutChange.STARTED, Map.of())));
        await(() -> "FAILED"
                .equals(delivery(ed, id, 1, "rollout.started", 1).get("outcome").asString()));
        JsonNode failed = delivery(ed, id, 1, "rollout.started", 1);
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asString()).contains("golive.egress");
        assertThat(sink.received("hook")).isEmpty();
    }

    @Test
    void overdueItemsAreRemindedOnceAcrossManyPolls() throws Exception {
        server.close();
        server = TestServer.h2(dir.resolve("overdue"), Map.of("golive.notify.overdue-every", "200ms"));
        Api ed = server.api(server.token("ed", "editor"));
        String launch = Instant.now().plus(java.time.Duration.ofDays(3)).toString();
        String checklist = "# Shop\n\n## Pre-Launch (T-7 days)\n- [ ] Runbook written\n- [x] Pager set up\n\n"
                + "## Launch Day (T-0)\n- [ ] Flip the flag\n";
        Api.Response r = ed.post(
                "/api/launches",
                Api.launch(
                        "name: shop\nlaunch: " + launch + "\nchecklist: LAUNCH.md\nnotify:\n  - webhook: \""
                                + sink.url("late") + "\"\n    events: [overdue]\n",
                        "LAUNCH.md",
                        checklist));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        await(() -> sink.bodies("late").size() == 1);
        Thread.sleep(2000); // ten polls more
        assertThat(sink.bodies("late")).hasSize(1);
        JsonNode late = JSON.readTree(sink.bodies("late").get(0));
        assertThat(late.get("event").asString()).isEqualTo("overdue");
        assertThat(late.get("details").get("text").asString()).isEqualTo("Runbook written");
        assertThat(late.get("details").get("reminder").asBoolean()).isFalse();
    }

    @Test
    void notificationsOfAnUnknownLaunchAre404AndNeedCredentials() {
        assertThat(viewer.get("/api/launches/999/notifications").status()).isEqualTo(404);
        assertThat(new Api(server.base(), null)
                        .get("/api/launches/1/notifications")
                        .status())
                .isEqualTo(401);
    }

    private int mails() {
        return MAIL.getReceivedMessages().length;
    }

    /** The {@code nth} oldest delivery of {@code event} to the {@code entry}-th notify: entry. */
    static JsonNode delivery(Api api, long id, int entry, String event, int nth) {
        JsonNode list = api.get("/api/launches/" + id + "/notifications").json().get("notifications");
        List<JsonNode> found = new java.util.ArrayList<>();
        list.forEach(n -> {
            if (n.get("entry").asInt() == entry && n.get("event").asString().equals(event)) {
                found.add(n);
            }
        });
        return found.get(found.size() - nth);
    }

    static long create(Api api, String spec) {
        Api.Response r = api.post("/api/launches", Api.launch(spec, "LAUNCH.md", CHECKLIST));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static void evaluate(Api api, long id) throws InterruptedException {
        Api.Response r = api.post("/api/launches/" + id + "/evaluations", null);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        long run = r.json().get("evaluationId").asLong();
        await(() -> "DONE"
                .equals(api.get("/api/launches/" + id + "/evaluations/" + run)
                        .json()
                        .get("status")
                        .asString()));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static void secret(Api admin, String name, String value) {
        Api.Response r = admin.put("/api/secrets/" + name, Map.of("value", value));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
