package io.golive.probe.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The report probe on JUnit, JaCoCo, k6, JMeter and SARIF files written by the test, and a JaCoCo fixture. */
class ReportProbeTest {
    static final String PASSING = "<testsuite name=\"a\" tests=\"2\"><testcase classname=\"A\" name=\"one\"/>"
            + "<testcase classname=\"A\" name=\"two\"><skipped/></testcase></testsuite>";
    static final String FAILING = "<testsuite name=\"b\"><testcase classname=\"B\" name=\"bad\">"
            + "<failure message=\"boom\"/></testcase><testcase classname=\"B\" name=\"ok\"/></testsuite>";
    static final String JACOCO = "<report name=\"x\"><package name=\"p\"><counter type=\"LINE\" missed=\"90\" "
            + "covered=\"10\"/></package><counter type=\"INSTRUCTION\" missed=\"1\" covered=\"1\"/>"
            + "<counter type=\"BRANCH\" missed=\"30\" covered=\"70\"/>"
            + "<counter type=\"LINE\" missed=\"15\" covered=\"85\"/></report>";
    static final String K6 = "{\"metrics\":{\"http_req_duration\":{\"avg\":120.5,\"p(90)\":300,\"p(95)\":412.3,"
            + "\"max\":900},\"http_req_failed\":{\"passes\":3,\"fails\":997,\"value\":0.003},"
            + "\"http_reqs\":{\"count\":1000,\"rate\":50}}}";
    static final String SARIF = "{\"version\":\"2.1.0\",\"runs\":[{\"results\":["
            + "{\"ruleId\":\"java/sqli\",\"level\":\"error\",\"message\":{\"text\":\"SQL injection\"},"
            + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/A.java\"},"
            + "\"region\":{\"startLine\":12}}}]},{\"ruleId\":\"style\",\"message\":{\"text\":\"meh\"}}]}]}";

    @TempDir
    Path dir;

    Observation run(
            String path, String kind, List<String> expect, String maxAge, String severity, List<Threshold> inherited) {
        ProbeContext ctx = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plusSeconds(10),
                Map.of(),
                dir,
                inherited,
                Secrets.none());
        return new ReportProbe().run(new ReportConfig(path, kind, expect, maxAge, severity), ctx);
    }

    Observation run(String path, String kind, String... expect) {
        return run(path, kind, List.of(expect), null, null, List.of());
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void junitFolderOfPassingReportsPasses() throws IOException {
        write("surefire/TEST-a.xml", PASSING);
        write("surefire/other.txt", "not a report");
        Observation o = run("surefire", "junit");
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("tests", 2L).containsEntry("skipped", 1L);
    }

    @Test
    void anyFailedTestFailsAndIsNamed() throws IOException {
        write("r/TEST-a.xml", PASSING);
        write("r/TEST-b.xml", FAILING);
        Observation o = run("r/TEST-*.xml", "junit");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("1 failed, 0 errors of 4 tests").contains("B.bad");
    }

    @Test
    void zeroTestsIsNoData() throws IOException {
        write("TEST-empty.xml", "<testsuite name=\"e\" tests=\"0\"/>");
        Observation o = run("TEST-empty.xml", "junit");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("no data");
    }

    @Test
    void unusableFilesAreErrorsWithTheReason() throws IOException {
        write("bad.xml", "this is not xml");
        write("empty.xml", "");
        write("bad.json", "{nope");
        assertThat(run("bad.xml", "junit").summary()).contains("is not usable XML");
        assertThat(run("empty.xml", "jacoco").summary()).contains("no data: empty.xml is empty");
        assertThat(run("bad.json", "k6", "p95 < 1s").summary())
                .contains("bad.json is not usable JSON (line 1, column")
                .doesNotContain("token")
                .doesNotContain("Unexpected");
        assertThat(run("absent.xml", "junit").summary()).contains("no data: no junit report at absent.xml");
    }

    @Test
    void externalEntitiesAreNeverRead() throws IOException {
        Path secret = write("secret.txt", "TOPSECRET");
        String entity = "<!ENTITY x SYSTEM \"" + secret.toUri() + "\">";
        String suite = "<testsuite><testcase classname=\"A\" name=\"n\">%s</testcase></testsuite>";
        write(
                "text.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE t [" + entity + "]>"
                        + suite.formatted("<system-out>&x;</system-out>"));
        write("attr.xml", "<!DOCTYPE t [" + entity + "]>" + suite.formatted("<failure message=\"&x;\"/>"));
        write("param.xml", "<!DOCTYPE t [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>" + suite.formatted(""));
        for (String file : List.of("text.xml", "attr.xml", "param.xml")) {
            Observation o = run(file, "junit");
            assertThat(o.status()).as(file).isEqualTo(Status.ERROR);
            assertThat(o.summary()).as(file).contains(file + " declares entities in its DOCTYPE");
            assertThat(o.toString()).as(file).doesNotContain("TOPSECRET");
        }
        // A DOCTYPE naming an external DTD is accepted, and the DTD is never read.
        write("dtd.xml", "<!DOCTYPE testsuite SYSTEM \"" + secret.toUri() + "\">" + suite.formatted(""));
        Observation dtd = run("dtd.xml", "junit");
        assertThat(dtd.status()).as(dtd.summary()).isEqualTo(Status.PASS);
        assertThat(dtd.toString()).doesNotContain("TOPSECRET");
    }

    @Test
    @Timeout(10)
    void entityExpansionBombFailsAtOnce() throws IOException {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE report [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        write(
                "bomb.xml",
                bomb + "]><report name=\"&l9;\"><counter type=\"LINE\" missed=\"1\" covered=\"1\"/></report>");
        Observation o = run("bomb.xml", "jacoco", ">= 1%");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("bomb.xml declares entities in its DOCTYPE");
    }

    @Test
    void largeJunitReportFullOfEscapedCharactersIsRead() throws IOException {
        // The JDK counts every &lt; or &quot; towards its entity size limits (100,000 by default on JDK 25).
        StringBuilder xml = new StringBuilder("<testsuite name=\"big\">");
        for (int i = 0; i < 30_000; i++) {
            xml.append("<testcase classname=\"A&lt;T&gt;\" name=\"&quot;case ")
                    .append(i)
                    .append("&quot;\"/>");
        }
        write("TEST-big.xml", xml.append("</testsuite>").toString());
        Observation o = run("TEST-big.xml", "junit");
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("tests", 30_000L);
    }

    @Test
    void realJacocoReportWithItsDoctypeIsRead() throws IOException {
        Path report = dir.resolve("target/site/jacoco/jacoco.xml");
        Files.createDirectories(report.getParent());
        try (InputStream in = ReportProbeTest.class.getResourceAsStream("jacoco.xml")) {
            Files.copy(in, report);
        }
        assertThat(Files.readString(report)).startsWith("<?xml").contains("<!DOCTYPE report PUBLIC");
        Observation o = run("target/site/jacoco/jacoco.xml", "jacoco", ">= 50%");
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        // The report-level counters only: LINE 12 missed, 13 covered; BRANCH 8 missed, 6 covered.
        assertThat(o.measurements())
                .containsEntry("lineCoverage", 52.0)
                .containsEntry("linesCovered", 13L)
                .containsEntry("linesMissed", 12L)
                .containsEntry("branchCoverage", 42.86);
        Observation branch = run("target/site/jacoco/jacoco.xml", "jacoco", "branch coverage >= 50%");
        assertThat(branch.status()).isEqualTo(Status.FAIL);
        assertThat(branch.summary()).contains("branchCoverage 42.86% does not meet >= 50%");
    }

    @Test
    void jacocoUsesTheReportLevelLineCounter() throws IOException {
        write("jacoco.xml", JACOCO);
        Observation pass = run("jacoco.xml", "jacoco", ">= 80%");
        assertThat(pass.status()).as(pass.summary()).isEqualTo(Status.PASS);
        assertThat(pass.measurements()).containsEntry("lineCoverage", 85.0).containsEntry("branchCoverage", 70.0);
        Observation fail = run("jacoco.xml", "jacoco", "branch coverage >= 80%");
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.summary()).contains("branchCoverage 70.00% does not meet");
    }

    @Test
    void jacocoTakesTheItemsThresholdWithoutExpect() throws IOException {
        write("jacoco.xml", JACOCO);
        Observation o =
                run("jacoco.xml", "jacoco", List.of(), null, null, ThresholdParser.findAll("Code coverage ≥90%"));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(run("jacoco.xml", "jacoco").summary()).contains("nothing to compare");
    }

    @Test
    void k6SummaryGivesP95AndErrorRate() throws IOException {
        write("k6.json", K6);
        Observation o = run("k6.json", "k6", "p95 < 500ms", "error rate < 1%");
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("p95Ms", 412.3).containsEntry("requests", 1000L);
        assertThat(run("k6.json", "k6", "p95 < 0.4s").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void jmeterJtlGivesExactPercentilesAndErrorShare() throws IOException {
        StringBuilder jtl = new StringBuilder("timeStamp,elapsed,label,responseCode,success\n");
        for (int i = 1; i <= 100; i++) {
            jtl.append("1700000000000,")
                    .append(i * 10)
                    .append(",\"GET /a, b\",200,")
                    .append(i % 50 != 0)
                    .append('\n');
        }
        write("results.jtl", jtl.toString());
        Observation o = run("results.jtl", "jmeter", "p95 <= 950ms", "error rate < 1%");
        assertThat(o.measurements()).containsEntry("p95Ms", 950L).containsEntry("errorRatePercent", 2.0);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("errorRate 2.00% does not meet").doesNotContain("p95");
    }

    @Test
    void sarifResultsAtOrAboveSeverityFail() throws IOException {
        write("scan.sarif", SARIF);
        Observation o = run("scan.sarif", "sarif");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("1 results at or above error").contains("java/sqli at src/A.java:12");
        write("clean.sarif", "{\"runs\":[{\"results\":[]}]}");
        assertThat(run("clean.sarif", "sarif").status()).isEqualTo(Status.PASS);
        assertThat(run("scan.sarif", "sarif", List.of(), null, "warning", List.of())
                        .summary())
                .contains("2 results at or above warning");
    }

    @Test
    void staleReportIsAnError() throws IOException {
        Path p = write("TEST-a.xml", PASSING);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(3, ChronoUnit.DAYS)));
        Observation o = run("TEST-a.xml", "junit", List.of(), "1d", null, List.of());
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("stale");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThat(new ReportConfig(null, "html", List.of("junk"), "soon", "fatal").validate())
                .hasSize(5);
    }

    @Test
    void runsThroughTheEngineFromASpec() throws IOException {
        write("target/site/jacoco/jacoco.xml", JACOCO);
        write("target/surefire-reports/TEST-a.xml", PASSING);
        SpecRun r = SpecRun.of(
                dir,
                "# L\n## Quality\n- [ ] Code coverage ≥80%\n- [ ] Unit tests passing\n",
                "checklist: LAUNCH.md\nchecks:\n"
                        + "  - item: Code coverage ≥80%\n    report: { kind: jacoco, path: target/site/jacoco/jacoco.xml }\n"
                        + "  - item: Unit tests passing\n    report: { kind: junit, path: target/surefire-reports }\n",
                Map.of());
        Observation coverage = r.check("Code coverage ≥80%").observation();
        assertThat(coverage.status()).as(coverage.summary()).isEqualTo(Status.PASS);
        assertThat(r.check("Unit tests passing").observation().status()).isEqualTo(Status.PASS);
        assertThat(r.json()).contains("\"decision\" : \"GO\"");
    }
}
