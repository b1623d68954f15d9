package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
    private static final URI LOCAL = URI.create("http://127.0.0.1:8080/");

    @Test
    void validPlanHasNoProblems() {
        assertThat(LoadPlan.open(LOCAL, 1000, Duration.ofSeconds(10)).validate())
                .isEmpty();
        assertThat(LoadPlan.closed(LOCAL, 1000, Duration.ofSeconds(10)).validate())
                .isEmpty();
    }

    @Test
    void everyProblemIsListed() {
        LoadPlan plan = new LoadPlan(
                List.of(LoadRequest.get(URI.create("ftp://127.0.0.1/"))),
                new LoadModel.Open(0),
                Duration.ZERO,
                Duration.ofSeconds(5),
                -1,
                Duration.ZERO,
                false,
                false,
                List.of());

        assertThat(plan.validate()).hasSize(6);
        assertThatThrownBy(plan::requireValid)
                .isInstanceOf(InputException.class)
                .hasMessageContaining("http://");
    }

    @Test
    void headerWithLineBreakIsRefused() {
        LoadPlan plan = LoadPlan.open(LOCAL, 10, Duration.ofSeconds(1))
                .withRequests(List.of(LoadRequest.get(LOCAL).with("GET", Map.of("X", "a\r\nEvil: 1"), "")));

        assertThat(plan.validate()).singleElement().asString().contains("bad header");
    }

    @Test
    void openModelConnectionsDefaultToOnePerTenRequestsPerSecond() {
        assertThat(LoadPlan.open(LOCAL, 50, Duration.ofSeconds(1)).effectiveConnections())
                .isEqualTo(16);
        assertThat(LoadPlan.open(LOCAL, 2000, Duration.ofSeconds(1)).effectiveConnections())
                .isEqualTo(200);
        assertThat(LoadPlan.open(LOCAL, 1e6, Duration.ofSeconds(1)).effectiveConnections())
                .isEqualTo(1000);
        assertThat(LoadPlan.closed(LOCAL, 77, Duration.ofSeconds(1)).effectiveConnections())
                .isEqualTo(77);
    }
}
