package io.golive.notify;

import static com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.golive.egress.CountingListener;
import io.golive.egress.Egress;
import io.golive.egress.EgressPolicy;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** E-mail deliveries to a real SMTP server (GreenMail): plain, with login, over STARTTLS, refused. */
class MailDeliveryIT {
    private static final Launch SHOP = new Launch("42", "shop");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(aConfig().withUser("golive@example.com", "golive", "pw-123"));

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private Notifier notifier(Specs.Read read, Optional<SSLSocketFactory> tls) {
        return new Notifier(
                read.destinations(),
                new FileOutbox(dir.resolve("outbox.json")),
                new WebhookSender(Duration.ofSeconds(5)),
                new MailSender(Duration.ofSeconds(5), clock, tls),
                new Retry(3, Duration.ofMinutes(1), Duration.ofMinutes(5)),
                clock,
                read.spec().secrets());
    }

    private Delivery deliver(String smtp, Map<String, String> env, Optional<SSLSocketFactory> tls) throws Exception {
        var read = Specs.read(
                dir, "notify:\n  - email: [release@example.com, cto@example.com]\n    smtp: " + smtp + "\n", env);
        Notifier n = notifier(read, tls);
        n.notify(Event.rollout(
                SHOP, clock.instant(), RolloutChange.ROLLED_BACK, Map.of("step", 2, "reason", "p95 612 ms")));
        return n.deliverDue().get(0);
    }

    private static int port() {
        return MAIL.getSmtp().getPort();
    }

    @Test
    void aPlainMailReachesEveryRecipientFromTheDefaultSender() throws Exception {
        Delivery d = deliver("{ host: 127.0.0.1, port: %d }".formatted(port()), Map.of(), Optional.empty());

        assertThat(d.outcome()).as(d.lastError().orElse("")).isEqualTo(Outcome.SENT);
        assertThat(d.channel()).isEqualTo("email");
        assertThat(d.format()).isEqualTo("email");
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertThat(got).hasSize(2);
        MimeMessage m = got[0];
        assertThat(m.getSubject()).isEqualTo("[golive] shop: rollout rolled back");
        assertThat(m.getFrom()[0].toString()).isEqualTo("golive@build-01");
        assertThat(m.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("release@example.com", "cto@example.com");
        assertThat(GreenMailUtil.getBody(m)).contains("reason: p95 612 ms").contains("event: rollout.rolled_back");
    }

    @Test
    void aLoginWithThePasswordFromTheEnvironmentSendsAndStoresNoPassword() throws Exception {
        Delivery d = deliver(
                "{ host: 127.0.0.1, port: %d, username: golive, password: \"${SMTP_PASSWORD}\" }".formatted(port()),
                Map.of("SMTP_PASSWORD", "pw-123"),
                Optional.empty());

        assertThat(d.outcome()).as(d.lastError().orElse("")).isEqualTo(Outcome.SENT);
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        assertThat(Files.readString(dir.resolve("outbox.json"))).doesNotContain("pw-123");
    }

    @Test
    void aWrongPasswordFailsAtOnceAndSendsNothing() throws Exception {
        Delivery d = deliver(
                "{ host: 127.0.0.1, port: %d, username: golive, password: \"${SMTP_PASSWORD}\" }".formatted(port()),
                Map.of("SMTP_PASSWORD", "wrong-pw"),
                Optional.empty());

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.lastError()).contains("the SMTP server 127.0.0.1:" + port() + " refused the login of golive");
        assertThat(d.lastError()).get().asString().doesNotContain("wrong-pw");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsAgainstAServerWithoutItFailsRatherThanSendingInClear() throws Exception {
        Delivery d =
                deliver("{ host: 127.0.0.1, port: %d, starttls: true }".formatted(port()), Map.of(), Optional.empty());

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.lastError()).get().asString().contains("STARTTLS");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsWithLoginSendsOverTheEncryptedSession() throws Exception {
        try (StartTlsRelay relay = new StartTlsRelay(port())) {
            Delivery d = deliver(
                    "{ host: 127.0.0.1, port: %d, username: golive, password: \"${SMTP_PASSWORD}\", starttls: true }"
                            .formatted(relay.port()),
                    Map.of("SMTP_PASSWORD", "pw-123"),
                    Optional.of(relay.clientTls()));

            assertThat(d.outcome()).as(d.lastError().orElse("")).isEqualTo(Outcome.SENT);
            assertThat(relay.tlsSessions()).isEqualTo(1);
            assertThat(MAIL.getReceivedMessages()).hasSize(2);
        }
    }

    @Test
    void starttlsWithACertificateTheSenderDoesNotTrustFails() throws Exception {
        try (StartTlsRelay relay = new StartTlsRelay(port())) {
            Delivery d = deliver(
                    "{ host: 127.0.0.1, port: %d, starttls: true }".formatted(relay.port()),
                    Map.of(),
                    Optional.empty());

            assertThat(d.outcome()).isNotEqualTo(Outcome.SENT);
            assertThat(MAIL.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void anSmtpServerNotListeningIsTriedAgainLater() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        Delivery d = deliver("{ host: 127.0.0.1, port: %d }".formatted(closed), Map.of(), Optional.empty());

        assertThat(d.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(d.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(d.lastError()).get().asString().startsWith("cannot reach the SMTP server 127.0.0.1:" + closed);
    }

    @Test
    void anSmtpHostTheEgressPolicyRefusesGetsNoConnection() throws Exception {
        try (CountingListener denied = new CountingListener("127.0.0.2", 0);
                var policy = Egress.install(EgressPolicy.of("127.0.0.1/32", "", "golive.egress.allow"), Set.of())) {
            Delivery d = deliver("{ host: 127.0.0.2, port: %d }".formatted(denied.port()), Map.of(), Optional.empty());

            assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(d.lastError())
                    .contains("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
            assertThat(denied.accepted()).isZero();
            assertThat(List.of(MAIL.getReceivedMessages())).isEmpty();
        }
    }
}
