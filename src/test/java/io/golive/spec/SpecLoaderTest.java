package io.golive.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and validating golive.yaml: every problem with its line, ${ENV} substitution. */
class SpecLoaderTest {
    @TempDir
    Path dir;

    private final SpecLoader loader =
            new SpecLoader(Set.of("http", "tls"), Map.of("DB_PASSWORD", "s3cr3t!", "HOST", "127.0.0.1"));

    @BeforeEach
    void checklist() throws IOException {
        Files.writeString(dir.resolve("LAUNCH.md"), "# L\n- [ ] a\n");
    }

    Path spec(String yaml) throws IOException {
        return Files.writeString(dir.resolve("golive.yaml"), yaml);
    }

    @Test
    void loadsAFullSpec() throws IOException {
        LaunchSpec s = loader.load(spec("""
                name: checkout
                launch: 2026-12-01T09:00:00Z
                checklist: LAUNCH.md
                targets:
                  api: { url: "https://${HOST}:8443", insecure: true }
                  db: { postgres: "postgresql://app@127.0.0.1/app", password: "${DB_PASSWORD}" }
                checks:
                  - item: a
                    http: { target: api, path: /health }
                    timeout: 2s
                  - name: latency
                    tls: { url: "https://127.0.0.1:8443" }
                    blocking: false
                """));
        assertThat(s.name()).isEqualTo("checkout");
        assertThat(s.launch()).hasValueSatisfying(i -> assertThat(i.toString()).isEqualTo("2026-12-01T09:00:00Z"));
        assertThat(s.targets().get("api").url()).hasValue("https://127.0.0.1:8443");
        assertThat(s.checks()).hasSize(2);
        assertThat(s.checks().get(0).timeout()).hasValue(java.time.Duration.ofSeconds(2));
        assertThat(s.checks().get(1).blocking()).hasValue(false);
        assertThat(s.secrets().mask("password=s3cr3t!")).isEqualTo("password=****");
    }

    @Test
    void reportsEveryProblemWithItsLine() throws IOException {
        Path f = spec("""
                name: x
                checklist: LAUNCH.md
                colour: blue
                timeout: soon
                checks:
                  - item: a
                  - item: a
                    http: { url: "http://127.0.0.1" }
                    tls: { url: "https://127.0.0.1" }
                  - item: a
                    http: { target: nowhere }
                    retries: 3
                """);
        assertThatThrownBy(() -> loader.load(f))
                .isInstanceOf(InputException.class)
                .satisfies(
                        e -> assertThat(((InputException) e).problems())
                                .containsExactly(
                                        f
                                                + ":3: unknown top-level key 'colour' (allowed: checklist, checks, launch, name, notify, rollout, schedule, signoffs, targets, timeout)",
                                        f + ":4: bad duration 'soon' (write it like 500ms, 10s, 5m, 4h or 7d)",
                                        f + ":6: a check needs one probe key (http, tls)",
                                        f + ":7: a check has one probe key, this one has 2: http, tls",
                                        f + ":11: unknown target 'nowhere' (targets: )",
                                        f
                                                + ":12: unknown key 'retries' in a check (probe keys: http, tls; other keys: item, criterion, name, blocking, timeout)"));
    }

    @Test
    void missingEnvironmentVariableIsNamed() throws IOException {
        Path f = spec("checklist: LAUNCH.md\ntargets:\n  db: { password: \"${NOT_SET_ANYWHERE}\" }\n");
        assertThatThrownBy(() -> loader.load(f)).hasMessage(f + ":3: environment variable NOT_SET_ANYWHERE is not set");
    }

    @Test
    void doubleDollarStaysLiteral() throws IOException {
        LaunchSpec s = loader.load(spec("checklist: LAUNCH.md\ntargets:\n  t: { note: \"$${HOST}\" }\n"));
        assertThat(s.targets().get("t").string("note")).hasValue("${HOST}");
    }

    @Test
    void missingChecklistAndBadYamlAreInputErrors() throws IOException {
        Path f = spec("checklist: NOPE.md\n");
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining(":1: checklist NOPE.md not found");
        Path g = spec("checklist: [unclosed\n");
        assertThatThrownBy(() -> loader.load(g))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> loader.load(dir.resolve("none.yaml"))).hasMessageEndingWith("none.yaml: no such file");
    }

    @Test
    void scheduleIsEveryDuration() throws IOException {
        LaunchSpec s = loader.load(spec("checklist: LAUNCH.md\nschedule: every 15m\n"));
        assertThat(s.schedule()).contains(java.time.Duration.ofMinutes(15));
        assertThatThrownBy(() -> loader.load(spec("checklist: LAUNCH.md\nschedule: hourly\n")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(":2: 'schedule' is written 'every DURATION'");
    }

    @Test
    void signoffsListRolesOnceEach() throws IOException {
        LaunchSpec s = loader.load(spec("checklist: LAUNCH.md\nsignoffs: [CTO, Security Lead]\n"));
        assertThat(s.signoffs()).containsExactly("CTO", "Security Lead");
        assertThat(loader.load(spec("checklist: LAUNCH.md\nsignoffs: Compliance\n"))
                        .signoffs())
                .containsExactly("Compliance");
        assertThat(loader.load(spec("checklist: LAUNCH.md\n")).signoffs()).isEmpty();
        assertThatThrownBy(() -> loader.load(spec("checklist: LAUNCH.md\nsignoffs:\n  - CTO\n  - cto\n")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(":4: sign-off role 'cto' is listed twice");
        assertThatThrownBy(() -> loader.load(spec("checklist: LAUNCH.md\nsignoffs:\n  - {role: CTO}\n")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(":3: 'signoffs' lists role names");
    }
}
