package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.cli.CliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code golive check golive.yaml} end to end, with the test plugin probe "fake". */
class CheckSpecCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void checklist() throws IOException {
        Files.writeString(
                dir.resolve("LAUNCH.md"),
                "# Launch\n## Web\n- [ ] TLS valid\n- [ ] Health endpoint up\n- [x] Docs written\n");
    }

    Path spec(String checks) throws IOException {
        return Files.writeString(dir.resolve("golive.yaml"), "name: t\nchecklist: LAUNCH.md\nchecks:\n" + checks);
    }

    @Test
    void passingChecksMakeItGo() throws IOException {
        Path s = spec(
                "  - item: TLS valid\n    fake: { result: PASS }\n  - item: web/health-endpoint-up\n    fake: {}\n");
        Run r = CliTest.golive("check", s.toString(), "--format", "json");
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(r.code()).isZero();
        assertThat(json.get("decision").asString()).isEqualTo("GO");
        assertThat(json.get("items").get(0).get("checks").get(0).get("type").asString())
                .isEqualTo("fake");
        assertThat(json.get("items").get(0).get("checks").get(0).has("durationMs"))
                .isTrue();
        assertThat(r.err()).contains("[1/2]").contains("[2/2]");
    }

    @Test
    void aFailingCheckIsNoGoAndOnlyRestrictsTheRun() throws IOException {
        Path s = spec(
                "  - item: TLS valid\n    fake: { result: FAIL, say: expired }\n  - item: Health endpoint up\n    fake: {}\n");
        Run all = CliTest.golive("check", s.toString());
        assertThat(all.code()).isEqualTo(1);
        assertThat(all.out()).contains("FAIL: web/tls-valid").contains("fake: expired");
        Run only = CliTest.golive("check", s.toString(), "--only", "web/health-endpoint-up");
        assertThat(only.out()).contains("PENDING: web/tls-valid").doesNotContain("expired");
    }

    @Test
    void egressOptionsRestrictTheRunAndABadEntryIsBadInput() throws IOException {
        Path s = spec("  - item: Health endpoint up\n    http: { url: \"http://169.254.169.254/latest/\" }\n");
        Run limited = CliTest.golive("check", s.toString(), "--egress-allow", "127.0.0.1/32", "--format", "json");
        assertThat(limited.code()).isEqualTo(1);
        assertThat(limited.out()).contains("egress to 169.254.169.254 is not allowed on this server (--egress-allow)");
        Run bad = CliTest.golive("check", s.toString(), "--egress-allow", "10.0.0.0/99");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains("\"10.0.0.0/99\" is neither an address block")
                .doesNotContain("Exception");
    }

    @Test
    void aSpecWithSeveralChecklistsDecidesOnAllOfThem() throws IOException {
        Files.writeString(dir.resolve("SECURITY.md"), "# Security\n## Web\n- [ ] TLS valid\n- [ ] Pen test done\n");
        Path s = Files.writeString(dir.resolve("golive.yaml"), """
                name: checkout
                checklist: [LAUNCH.md, SECURITY.md]
                checks:
                  - item: security/web/tls-valid
                    fake: { result: PASS }
                  - item: launch/web/tls-valid
                    fake: { result: PASS }
                  - item: Pen test
                    fake: { result: FAIL, say: two highs open }
                """);
        Run r = CliTest.golive("check", s.toString(), "--format", "json");
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(json.get("items").toString())
                .contains("launch/web/health-endpoint-up")
                .contains("security/web/pen-test-done");
        assertThat(json.get("reasons").toString())
                .contains("FAIL: security/web/pen-test-done")
                .contains("PENDING: launch/web/health-endpoint-up");

        Run md = CliTest.golive("check", s.toString(), "--format", "md");
        assertThat(md.code()).isEqualTo(2);
        assertThat(md.err()).contains("--format md writes one checklist back");

        Files.writeString(s, "checklist: [LAUNCH.md, SECURITY.md]\nchecks:\n  - item: TLS valid\n    fake: {}\n");
        Run ambiguous = CliTest.golive("check", s.toString());
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("launch/web/tls-valid").contains("security/web/tls-valid");
    }

    @Test
    void rolesTheSpecListsJoinTheChecklistsSignoffs() throws IOException {
        Files.writeString(dir.resolve("golive.yaml"), "checklist: LAUNCH.md\nsignoffs: [CTO, Compliance]\n");
        Run r = CliTest.golive("check", dir.resolve("golive.yaml").toString(), "--format", "json");
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("signoffs").toString()).contains("\"CTO\"").contains("\"Compliance\"");
        assertThat(CliTest.golive("check", dir.resolve("golive.yaml").toString())
                        .out())
                .contains("CTO")
                .contains("Compliance");
    }

    @Test
    void secretValuesNeverReachAnyReport() throws IOException {
        Path s = Files.writeString(dir.resolve("golive.yaml"), """
                checklist: LAUNCH.md
                targets:
                  api: { url: "http://127.0.0.1/${HOME}" }
                checks:
                  - item: TLS valid
                    fake: { say: "home is ${HOME}", target: api }
                """);
        String home = System.getenv("HOME");
        for (String format : new String[] {"text", "json", "junit", "md", "html"}) {
            Run r = CliTest.golive("check", s.toString(), "--format", format);
            assertThat(r.out() + r.err()).as(format).doesNotContain(home).contains("****");
        }
    }

    @Test
    void anInvalidSpecListsEveryProblemAndExitsTwo() throws IOException {
        Path s = spec("  - item: nothing\n    fake: {}\n  - item: TLS\n    fake: { sleep: forever }\n");
        Run r = CliTest.golive("check", s.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("golive.yaml:4: item 'nothing' matches no item")
                .contains("golive.yaml:7: fake: bad duration 'forever'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void fiveDifferentProblemsArePrintedAsFiveLocatedLinesInOneRun() throws IOException {
        Path s = Files.writeString(dir.resolve("golive.yaml"), """
                checklist: LAUNCH.md
                colour: blue
                timeout: soon
                checks:
                  - item: nothing like it
                    fake: {}
                  - item: TLS valid
                    http: { url: "http://127.0.0.1/", expectStatus: ok }
                  - name: extra
                    fake: { colour: red }
                """);
        Run r = CliTest.golive("check", s.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.contains("golive.yaml:")))
                .hasSize(5)
                .anyMatch(l -> l.contains("golive.yaml:2: unknown top-level key 'colour'"))
                .anyMatch(l -> l.contains("golive.yaml:3: bad duration 'soon'"))
                .anyMatch(l -> l.contains("golive.yaml:5: item 'nothing like it' matches no item"))
                .anyMatch(l -> l.contains("golive.yaml:8: http.expectStatus: expected a status code (200)"))
                .anyMatch(l -> l.contains("golive.yaml:10: unknown key 'colour' in fake"));
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("JsonToken");
    }
}
