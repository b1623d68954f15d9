package io.golive.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.golive.InputException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDesignExampleWithItsDefaults() throws Exception {
        var read = Specs.read(
                dir,
                """
                notify:
                  - webhook: "${SLACK_WEBHOOK_URL}"
                    format: slack
                    events: [decision, rollout]
                  - email: [release@example.com]
                    smtp: { host: smtp.example.com, port: 587, username: golive, password: "${SMTP_PASSWORD}", starttls: true }
                  - webhook: https://example.com/golive
                """,
                Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/XyZ", "SMTP_PASSWORD", "pw-123"));

        assertThat(read.destinations()).hasSize(3);
        WebhookDestination slack = (WebhookDestination) read.destinations().get(0);
        assertThat(slack.format()).isEqualTo(Format.SLACK);
        assertThat(slack.events()).containsExactlyInAnyOrder(Topic.DECISION, Topic.ROLLOUT);
        assertThat(slack.url().toString()).isEqualTo("https://hooks.slack.com/services/T0/B0/XyZ");
        assertThat(slack.shown()).isEqualTo("https://hooks.slack.com/****");
        assertThat(slack.line()).isEqualTo(4);

        EmailDestination mail = (EmailDestination) read.destinations().get(1);
        assertThat(mail.to()).containsExactly("release@example.com");
        assertThat(mail.from()).isEqualTo("golive@build-01");
        assertThat(mail.smtp().starttls()).isTrue();
        assertThat(mail.smtp().password()).contains("pw-123");
        assertThat(mail.smtp().toString()).doesNotContain("pw-123");
        assertThat(mail.events()).isEqualTo(EnumSet.allOf(Topic.class));

        WebhookDestination json = (WebhookDestination) read.destinations().get(2);
        assertThat(json.format()).isEqualTo(Format.JSON);
        assertThat(json.index()).isEqualTo(2);
    }

    @Test
    void smtpDefaultsToPort25WithoutStarttlsAndNoLogin() throws Exception {
        var read = Specs.read(dir, "notify:\n  - email: ops@example.com\n    smtp: { host: mail.local }\n", Map.of());

        Smtp smtp = ((EmailDestination) read.destinations().get(0)).smtp();
        assertThat(smtp.port()).isEqualTo(25);
        assertThat(smtp.starttls()).isFalse();
        assertThat(smtp.username()).isEmpty();
    }

    @Test
    void noNotifySectionIsNoDestination() throws Exception {
        assertThat(Specs.read(dir, "", Map.of()).destinations()).isEmpty();
    }

    @Test
    void everyProblemNamesItsLineAndNoneShowsTheUrl() throws Exception {
        InputException e = catchThrowableOfType(InputException.class, () -> Specs.read(dir, """
                        notify:
                          - webhook: "ftp://tok3n@example.com/x"
                          - webhook: https://events.pagerduty.com/v2/enqueue
                            format: pagerduty
                          - webhook: https://example.com/
                            format: discord
                            events: [decision, deploy]
                          - email: [not-an-address]
                          - email: ops@example.com
                            smtp: { host: smtp.example.com, username: golive, port: 70000, tls: yes }
                          - sms: "+4412345"
                        """, Map.of()));

        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p)
                        .endsWith("golive.yaml:4: 'webhook' must be an http:// or https:// URL with a host"))
                .anySatisfy(
                        p -> assertThat(p)
                                .endsWith(
                                        "golive.yaml:6: format pagerduty needs 'routingKey:' (the integration key, e.g. \"${PAGERDUTY_KEY}\")"))
                .anySatisfy(p -> assertThat(p)
                        .endsWith("golive.yaml:8: unknown format 'discord' (known: json, pagerduty, slack, teams)"))
                .anySatisfy(p -> assertThat(p)
                        .endsWith("golive.yaml:9: unknown event 'deploy' (known: decision, overdue, rollout, signoff)"))
                .anySatisfy(
                        p -> assertThat(p)
                                .endsWith(
                                        "golive.yaml:10: 'email' must be an address or a list of addresses (release@example.com)"))
                .anySatisfy(p -> assertThat(p)
                        .endsWith("golive.yaml:10: an 'email:' entry needs 'smtp: {host: ..., port: ...}'"))
                .anySatisfy(p -> assertThat(p).endsWith("golive.yaml:12: 'port' must be a number from 1 to 65535"))
                .anySatisfy(
                        p -> assertThat(p)
                                .endsWith(
                                        "golive.yaml:12: unknown smtp key 'tls' (known: host, password, port, starttls, username)"))
                .anySatisfy(p -> assertThat(p)
                        .endsWith("golive.yaml:12: 'smtp' needs both 'username:' and 'password:' or neither"))
                .anySatisfy(
                        p -> assertThat(p)
                                .endsWith(
                                        "golive.yaml:13: each 'notify' entry needs exactly one of 'webhook:' (a URL) or 'email:' (addresses)"));
        assertThat(e.getMessage()).doesNotContain("tok3n").doesNotContain("Jackson");
    }

    @Test
    void aNotifyThatIsNotAListIsOneProblem() throws Exception {
        InputException e = catchThrowableOfType(
                InputException.class, () -> Specs.read(dir, "notify:\n  webhook: https://example.com/\n", Map.of()));

        assertThat(e.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p)
                                .endsWith(
                                        "golive.yaml:4: 'notify' must be a list (each entry starts with '- webhook:' or '- email:')"));
    }

    @Test
    void aLiteralTokenInTheQueryIsHiddenToo() throws Exception {
        var read = Specs.read(dir, "notify:\n  - webhook: \"http://127.0.0.1:8080?token=abc\"\n", Map.of());

        assertThat(read.destinations().get(0).shown()).isEqualTo("http://127.0.0.1:8080/****");
        assertThat(read.destinations().get(0).toString()).doesNotContain("abc");
    }
}
