package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.Seeds;
import io.golive.cli.CliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code golive init} suggests the right probe kind for items of the seeds. */
class InitCommandTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "002|security/ssl-tls-certificates-valid|tls",
                "002|security/security-headers-configured|headers",
                "002|security/cors-properly-configured|cors",
                "001|security-must-complete/rate-limiting-configuration|rateLimit",
                "004|deployment-day-t-0/health-endpoints-responding|http",
                "002|networking/dns-configured|dns",
                "002|database/backup-restore-tested|command",
                "001|backup-recovery-must-complete/test-disaster-recovery|command",
                "003|functional-testing/api-endpoints-responding|http",
                "001|security-must-complete/authorization-integration|auth"
            })
    void suggestsTheProbeThatCanVerifyTheItem(String seed, String itemId, String kind) {
        Run r = CliTest.golive("init", Seeds.seed(seed).toString());
        assertThat(r.code()).isZero();
        String yaml = r.out();
        int at = yaml.indexOf("item: \"" + itemId + "\"");
        assertThat(at).as("a suggestion for " + itemId + " in\n" + yaml).isPositive();
        String next = yaml.substring(yaml.indexOf('\n', at) + 1);
        assertThat(next.strip().replaceFirst("^#\\s*", "")).startsWith(kind + ":");
        assertThat(r.err()).containsPattern("golive init: \\d+ of \\d+ items got a suggested check");
    }

    @Test
    void aCommandInAGateTablesVerificationCellSuggestsACommandCheck(@TempDir Path dir) throws IOException {
        Path md = Files.copy(Path.of("src/test/resources/io/golive/checklist/gates-nl.md"), dir.resolve("gates.md"));

        Run r = CliTest.golive("init", md.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("- item: \"bewijs/a1\"   # line 12: Pre-registratie bestond vóór eerste uitkomstinspectie\n"
                        + "    command: { run: [\"git log --diff-filter=A -- prereg.md\"], shell: true }")
                .contains("command: { run: [\"git log -p | grep -i apikey\"], shell: true }");
        Path spec = Files.writeString(dir.resolve("golive.yaml"), r.out());
        Run check = CliTest.golive("check", spec.toString(), "--format", "json");
        assertThat(check.code()).as(check.err()).isEqualTo(1); // a valid spec, NO-GO: not bad input (2)
        assertThat(check.out()).contains("\"type\" : \"command\"");
    }
}
