package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsTest {
    @Test
    void nonLoopbackTargetIsRefusedBeforeAnythingIsSent() {
        // 192.0.2.1 is a documentation address: a literal, so not even a DNS query leaves the machine.
        LoadPlan plan = LoadPlan.open(URI.create("http://192.0.2.1/"), 10, Duration.ofSeconds(1));

        assertThatThrownBy(() -> LoadTest.run(plan, Clock.systemUTC(), ProgressListener.none()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not a loopback address")
                .hasMessageContaining("--allow-remote");
    }

    @Test
    void remoteTargetIsResolvedWhenAllowed() {
        List<LoadRequest> requests = List.of(LoadRequest.get(URI.create("http://192.0.2.1:81/")));

        assertThat(Origins.resolve(requests, true)).singleElement().hasToString("/192.0.2.1:81");
    }

    @Test
    void requestsToTheSameHostAndPortShareAnOrigin() {
        List<LoadRequest> requests = List.of(
                LoadRequest.get(URI.create("http://127.0.0.1:8080/a")),
                LoadRequest.get(URI.create("http://127.0.0.1:8080/b")),
                LoadRequest.get(URI.create("http://localhost:9090/")));

        assertThat(Origins.resolve(requests, false)).hasSize(2);
        assertThat(Origins.indexOf(requests, requests.get(1))).isZero();
        assertThat(Origins.indexOf(requests, requests.get(2))).isEqualTo(1);
    }

    @Test
    void theSamePortOverTlsAndInTheClearAreTwoOrigins() {
        List<LoadRequest> requests = List.of(
                LoadRequest.get(URI.create("http://127.0.0.1:8443/")),
                LoadRequest.get(URI.create("https://127.0.0.1:8443/")));

        assertThat(Origins.resolve(requests, false)).hasSize(2);
        assertThat(Origins.firstUrls(requests)).extracting(URI::getScheme).containsExactly("http", "https");
    }
}
