package io.golive.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The load check's configuration: every problem listed, typed values read once. */
class LoadConfigTest {
    private static LoadConfig of(
            String url, String rate, Integer users, String duration, String ramp, List<String> expect) {
        return new LoadConfig(
                Optional.ofNullable(url),
                Optional.empty(),
                null,
                null,
                null,
                null,
                rate,
                users,
                duration,
                ramp,
                expect,
                null,
                null,
                null);
    }

    @Test
    void everyProblemIsListed() {
        List<String> problems = of("ftp://x/", "fast", 0, "soon", null, List.of("AUC > 0.7", "p95 <<< 5"))
                .validate();
        assertThat(problems)
                .anyMatch(p -> p.contains("http:// or https://"))
                .anyMatch(p -> p.contains("not both"))
                .anyMatch(p -> p.contains("bad rate 'fast'"))
                .anyMatch(p -> p.contains("users must be at least 1"))
                .anyMatch(p -> p.contains("bad duration 'soon'"))
                .anyMatch(p -> p.contains("'AUC > 0.7': a load test does not measure this"))
                .anyMatch(p -> p.startsWith("expect 'p95 <<< 5'"));
    }

    @Test
    void aRampLongerThanTheDurationIsAProblem() {
        assertThat(of("http://127.0.0.1/", null, 2, "2s", "5s", null).validate())
                .containsExactly("ramp 5s is longer than the duration");
    }

    @Test
    void defaultsAreFiveSecondsLoopbackOnlyAndGet() {
        LoadConfig c = of("http://127.0.0.1/", "600/m", null, null, null, null);
        assertThat(c.validate()).isEmpty();
        assertThat(c.durationValue()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.rateValue().getAsDouble()).isEqualTo(10.0);
        assertThat(c.allowRemote()).isFalse();
        assertThat(c.method()).isEqualTo("GET");
    }

    @Test
    void usersAndRateComeFromTheItemWhenTheCheckGivesNeither() {
        LoadConfig c = of("http://127.0.0.1/", null, null, null, null, null);
        var users = LoadSetup.of(c, io.golive.checklist.ThresholdParser.findAll("Test with 1000 concurrent users"));
        assertThat(users.orElseThrow().model()).hasToString("closed model, 1000 users");
        var rate = LoadSetup.of(c, List.of(io.golive.checklist.ThresholdParser.parse("rate >= 1000/s")));
        assertThat(rate.orElseThrow().model()).hasToString("open model, 1050/s");
        assertThat(LoadSetup.of(c, List.of())).isEmpty();
    }
}
