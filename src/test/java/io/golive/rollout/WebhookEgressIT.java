package io.golive.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.golive.egress.CountingListener;
import io.golive.egress.Egress;
import io.golive.egress.EgressPolicy;
import io.golive.spec.Secrets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Traffic and rollback webhooks under an egress policy: an allowed target is called, a denied one never. */
class WebhookEgressIT {
    private static WebhookAction webhook(String url) {
        return new WebhookAction(
                "PUT",
                url,
                Map.of(),
                Optional.of("{\"percent\": {weight}}"),
                Secrets.none(),
                WebhookAction.defaultClient());
    }

    @Test
    void aDeniedTargetGetsNoConnectionAndTheActionFailsWithTheReason() throws Exception {
        HttpServer flags = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        flags.createContext("/", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        flags.start();
        try (CountingListener denied = new CountingListener("127.0.0.2", 0);
                var policy = Egress.install(EgressPolicy.of("127.0.0.1/32", "", "golive.egress.allow"), Set.of())) {
            ActionResult ok = webhook("http://127.0.0.1:" + flags.getAddress().getPort() + "/weight")
                    .run(10, Duration.ofSeconds(5));
            ActionResult refused =
                    webhook("http://127.0.0.2:" + denied.port() + "/weight").run(10, Duration.ofSeconds(5));

            assertThat(ok.ok()).as(ok.summary()).isTrue();
            assertThat(refused.ok()).isFalse();
            assertThat(refused.summary())
                    .endsWith("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
            assertThat(denied.accepted()).isZero();
        } finally {
            flags.stop(0);
        }
    }
}
