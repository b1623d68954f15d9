package io.golive.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.InputException;
import io.golive.probe.http.AuthConfig;
import io.golive.probe.http.HttpConfig;
import io.golive.probe.http.RateLimitConfig;
import io.golive.probe.postgres.PostgresConfig;
import io.golive.probe.redis.RedisConfig;
import io.golive.spec.LaunchSpec;
import io.golive.spec.Problems;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probe configurations accept what people write, and every value of the wrong shape is named. */
class ConfigBinderTest {
    @TempDir
    Path dir;

    private final ProbeRegistry registry = ProbeRegistry.load(getClass().getClassLoader());

    private List<Optional<ProbeConfig>> bind(String checks, Problems problems) throws IOException {
        Files.writeString(dir.resolve("L.md"), "# L\n## S\n- [ ] a\n");
        Path spec = Files.writeString(dir.resolve("golive.yaml"), "checklist: L.md\nchecks:\n" + checks);
        LaunchSpec s = new SpecLoader(registry.kinds(), Map.of()).load(spec);
        return s.checks().stream().map(c -> registry.bind(c, problems)).toList();
    }

    private ProbeConfig one(String check) throws IOException {
        Problems problems = new Problems("golive.yaml");
        Optional<ProbeConfig> c = bind(check, problems).getFirst();
        problems.throwIfAny();
        return c.orElseThrow();
    }

    @Test
    void aStatusFieldTakesOneCodeAListOrAClass() throws IOException {
        HttpConfig one = (HttpConfig) one("  - name: a\n    http: { url: \"http://127.0.0.1/\", expectStatus: 200 }\n");
        assertThat(one.expectStatus().contains(200)).isTrue();
        assertThat(one.expectStatus().contains(204)).isFalse();
        HttpConfig list =
                (HttpConfig) one("  - name: a\n    http: { url: \"http://127.0.0.1/\", expectStatus: [200, 204] }\n");
        assertThat(list.expectStatus().contains(204)).isTrue();
        HttpConfig cls = (HttpConfig) one("  - name: a\n    http: { url: \"http://127.0.0.1/\", expectStatus: 3xx }\n");
        assertThat(cls.expectStatus().contains(301)).isTrue();
        assertThat(cls.expectStatus().contains(200)).isFalse();
        RateLimitConfig limit = (RateLimitConfig)
                one(
                        "  - name: a\n    rateLimit: { url: \"http://127.0.0.1/\", requests: 5, within: 1s, expectStatus: [429, 503] }\n");
        assertThat(limit.expectStatus().contains(503)).isTrue();
        AuthConfig auth =
                (AuthConfig) one("  - name: a\n    auth: { url: \"http://127.0.0.1/\", expectStatus: 401 }\n");
        assertThat(auth.expectStatus().toString()).isEqualTo("401");
        HttpConfig defaults = (HttpConfig) one("  - name: a\n    http: { url: \"http://127.0.0.1/\" }\n");
        assertThat(defaults.expectStatus().contains(299)).isTrue();
        assertThat(defaults.expectStatus().contains(301)).isFalse();
    }

    @Test
    void aCountTakesANumberOrAThreshold() throws IOException {
        String pg = "  - name: a\n    postgres: { url: \"postgresql://app@127.0.0.1:5432/app\", replicas: %s }\n";
        assertThat(((PostgresConfig) one(pg.formatted("\">= 1\""))).replicas()).isEqualTo(1);
        assertThat(((PostgresConfig) one(pg.formatted("1"))).replicas()).isEqualTo(1);
        assertThat(((PostgresConfig) one(pg.formatted("\"> 1\""))).replicas()).isEqualTo(2);
        RedisConfig redis =
                (RedisConfig) one("  - name: a\n    redis: { url: \"redis://127.0.0.1:6379\", replicas: \">= 2\" }\n");
        assertThat(redis.replicas()).isEqualTo(2);
    }

    @Test
    void everyValueOfTheWrongShapeIsNamedWithItsLineNeverAParserMessage() throws IOException {
        Problems problems = new Problems("golive.yaml");
        List<Optional<ProbeConfig>> configs = bind("""
                  - name: a
                    http: { url: "http://127.0.0.1/", expectStatus: ok }
                  - name: b
                    postgres:
                      url: "postgresql://app@127.0.0.1:5432/app"
                      replicas: many
                      ssl: maybe
                  - name: c
                    http: { url: "http://127.0.0.1/", headers: [a, b], colour: red }
                """, problems);
        assertThat(configs).allMatch(Optional::isEmpty);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class, problems::throwIfAny)
                        .problems())
                .containsExactly(
                        "golive.yaml:4: http.expectStatus: expected a status code (200), a list ([200, 204]) or a"
                                + " class (2xx), got \"ok\"",
                        "golive.yaml:8: postgres.replicas: expected a number or a threshold such as \">= 1\", got"
                                + " \"many\"",
                        "golive.yaml:9: postgres.ssl: expected true or false, got \"maybe\"",
                        "golive.yaml:11: unknown key 'colour' in http (known: body, expectBody, expectStatus,"
                                + " headers, insecure, maxLatency, method, path, target, timeout, trust, url)",
                        "golive.yaml:11: http.headers: expected a mapping (name: value), got a list of 2");
    }

    @Test
    void oneValueWhereAListIsExpectedIsAListOfOne() throws IOException {
        Problems problems = new Problems("golive.yaml");
        Optional<ProbeConfig> c = bind("  - name: a\n    dns: { name: example.org, expect: 127.0.0.1 }\n", problems)
                .getFirst();
        assertThat(c).isPresent();
        assertThat(c.get().toString()).contains("expect=[127.0.0.1]");
    }

    @Test
    void aProbesOwnProblemIsPrefixedWithItsKindOnce() throws IOException {
        Problems problems = new Problems("golive.yaml");
        bind("  - name: a\n    model: { predictions: p.csv, label: y, score: s, bins: 0 }\n", problems);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class, problems::throwIfAny)
                        .problems())
                .containsExactly("golive.yaml:4: model: 'bins' must be at least 1, not 0");
    }
}
