package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.cli.CliTest.Run;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code golive init} writes for the seeds kept in the test resources: stubs a reviewer accepts. */
class InitStubsTest {
    private static String init(String seed) throws URISyntaxException {
        Path dir = Path.of(InitStubsTest.class.getResource("/init/seeds").toURI());
        Path file = dir.resolve(
                switch (seed) {
                    case "000" -> "000_19ac38a1ce5e723e.txt";
                    default -> "001_c82ed69ffae0851f.txt";
                });
        Run r = CliTest.golive("init", file.toString());
        assertThat(r.code()).isZero();
        return r.out();
    }

    /** The probe line under the item's stub, or "" when the item got none. */
    private static String stubOf(String yaml, String itemId) {
        int at = yaml.indexOf("item: \"" + itemId + "\"");
        if (at < 0) {
            return "";
        }
        int start = yaml.indexOf('\n', at) + 1;
        return yaml.substring(start, yaml.indexOf('\n', start)).strip();
    }

    @Test
    void seed000GetsNoMisleadingSuggestion() throws URISyntaxException {
        String yaml = init("000");
        assertThat(stubOf(yaml, "model-validation/fairness-metrics-pass-gates-air-0-80-gaps-0-05"))
                .startsWith("model:")
                .contains("expect: [\"AIR >= 0.8\"");
        assertThat(stubOf(yaml, "documentation/model-card-published-see-model-card-md"))
                .isEqualTo("file: { path: MODEL_CARD.md, minBytes: 200 }");
        assertThat(yaml)
                .doesNotContain("training-completed-for-fairness-review-team")
                .doesNotContain("fairness-policy-reviewed")
                .doesNotContain("failover-testing-completed")
                .doesNotContain("not in this build");
        assertThat(stubOf(yaml, "testing/load-testing-completed-target-1000-req-s"))
                .startsWith("load: { target: web, path: /, rate: 1000/s, duration: 30s");
    }

    @Test
    void loadStubCarriesTheItemsUsersAndLatency() throws URISyntaxException {
        String yaml = init("001");
        assertThat(stubOf(yaml, "testing-must-complete/load-test"))
                .isEqualTo("load: { target: web, path: /, users: 1000, duration: 30s,"
                        + " expect: [\"P95 latency < 500ms\"] }");
        assertThat(yaml).contains("    timeout: 45s\n");
    }

    @Test
    void everyCriterionGetsACommentedStub() throws URISyntaxException {
        String yaml = init("001");
        for (String name : new String[] {"CFUR", "API Latency P95", "Error Rate", "Database CPU", "Active Backups"}) {
            assertThat(yaml).contains("  # - criterion: \"" + name + "\"\n");
        }
        assertThat(yaml)
                .contains("# criterion (line 137, Go/No-Go Decision): Active Backups <= 1h\n"
                        + "  # - criterion: \"Active Backups\"\n"
                        + "  #   file: { path: \"backups/*.dump\", maxAge: 1h }");
        assertThat(yaml).contains("Success Metrics (First Week); after launch, not part of the decision");
    }
}
