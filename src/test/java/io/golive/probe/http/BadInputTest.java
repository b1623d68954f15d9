package io.golive.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import io.golive.spec.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The HTTP-family probes never throw on a bad url or duration that reached them (a target's url is
 * known only at run time; a config built by code skips the loader): they answer ERROR naming it.
 */
class BadInputTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new HttpProbe(), HttpConfig.class, ""),
                Arguments.of(new HeadersProbe(), HeadersConfig.class, ""),
                Arguments.of(new CorsProbe(), CorsConfig.class, ""),
                Arguments.of(new AuthProbe(), AuthConfig.class, ""),
                Arguments.of(new RateLimitProbe(), RateLimitConfig.class, ", requests: 3, within: 1s"));
    }

    private static ProbeContext context() {
        Map<String, Target> targets = Map.of(
                "spaces", new Target("spaces", Map.of("url", "http://127.0.0.1/a path with spaces")),
                "ftp", new Target("ftp", Map.of("url", "ftp://127.0.0.1/")),
                "none", new Target("none", Map.of()));
        Clock clock = Clock.systemUTC();
        return new ProbeContext(
                clock, clock.instant().plus(Duration.ofSeconds(5)), targets, Path.of("."), List.of(), Secrets.none());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Observation run(Probe probe, Class<? extends ProbeConfig> type, String yaml) {
        return probe.run(YAML.readValue(yaml, type), context());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void aBadTargetUrlIsAnErrorNotAnException(Probe<?> probe, Class<? extends ProbeConfig> type, String extra) {
        for (String target : List.of("spaces", "ftp", "none")) {
            Observation o = run(probe, type, "{ target: " + target + extra + " }");
            assertThat(o.status()).as(target).isEqualTo(Status.ERROR);
            assertThat(o.summary()).as(target).startsWith("bad configuration: ");
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void aBadDurationIsAnErrorNotAnException(Probe<?> probe, Class<? extends ProbeConfig> type, String extra) {
        Observation o = run(probe, type, "{ url: \"http://127.0.0.1:9/\", timeout: soon" + extra + " }");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("bad duration 'soon'");
    }
}
