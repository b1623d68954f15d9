package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line contract: exit codes, and machine formats alone on standard output. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run golive(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void checkIsNoGoWhileABlockingItemIsOpen() throws IOException {
        Run r = golive(
                "check", file("c.md", "# L\n## Pre\n- [x] done\n- [ ] open\n").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("NO-GO").contains("PENDING: pre/open");
    }

    @Test
    void checkIsGoWhenEveryBlockingPreLaunchItemIsDone() throws IOException {
        String md = "# L\n## Pre\n- [x] done\n- [ ] nice (optional)\n## Post-Launch\n- [ ] later\n";
        Run r = golive("check", file("c.md", md).toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("GO");
    }

    @Test
    void jsonReportIsAloneOnStandardOutput() throws IOException {
        Run r = golive(
                "check",
                "--format",
                "json",
                file("c.md", "# L\n## S\n- [ ] a\n| x | y |\n").toString());
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(json.get("summary").get("PENDING").asInt()).isEqualTo(1);
        assertThat(json.get("items").get(0).get("id").asString()).isEqualTo("s/a");
        assertThat(r.err()).contains("warning:");
    }

    @Test
    void junitReportHasOneTestCasePerItem() throws IOException {
        Run r = golive(
                "check",
                "--format",
                "junit",
                file("c.md", "# L\n## S\n- [ ] a\n- [x] b\n").toString());
        assertThat(r.out()).startsWith("<?xml").containsOnlyOnce("<failure").contains("name=\"b\"");
        assertThat(r.out().split("<testcase ", -1)).hasSize(3);
    }

    @Test
    void outWritesTheReportToAFile() throws IOException {
        Path report = dir.resolve("report.json");
        Run r = golive(
                "check",
                "--format",
                "json",
                "--out",
                report.toString(),
                file("c.md", "# L\n- [x] a\n").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(report)).contains("\"decision\" : \"GO\"");
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace() {
        Run r = golive("check", dir.resolve("missing.md").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip())
                .doesNotContain("\n")
                .contains("missing.md: no such file")
                .doesNotContain("Exception");
    }

    @Test
    void unknownFormatAndUnknownOptionExitTwo() throws IOException {
        String f = file("c.md", "# L\n- [ ] a\n").toString();
        assertThat(golive("check", "--format", "pdf", f).code()).isEqualTo(2);
        assertThat(golive("check", "--frobnicate", f).code()).isEqualTo(2);
        assertThat(golive("import").code()).isEqualTo(2);
    }

    @Test
    void importJsonPrintsTheModel() {
        Run r = golive("import", "--json", Seeds.seed("001").toString());
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(r.code()).isZero();
        assertThat(json.get("signoffs")).hasSize(4);
        assertThat(json.get("sections").get(0).get("id").asString()).isEqualTo("critical-pre-launch-tasks");
        assertThat(json.get("criteria").get(0).get("threshold").get("op").asString())
                .isEqualTo(">=");
    }

    @Test
    void importSummaryNamesWhatItFound() {
        Run r = golive("import", Seeds.seed("004").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("145 items").contains("Sign-offs (5)").contains("Rollback triggers (5)");
    }
}
