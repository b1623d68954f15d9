package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import org.junit.jupiter.api.Test;

/** Verdicts on rules (/api/v1/rules) and receivers (Alertmanager's loaded configuration). */
class RulesAndReceiversTest {
    private static final String RULES = """
            {"groups":[{"name":"slo","file":"/etc/prometheus/slo.yml","rules":[
              {"name":"HighErrorRate","query":"x > 1","health":"ok","type":"alerting","state":"firing",
               "lastEvaluation":"2026-11-23T09:00:00Z"},
              {"name":"NotYet","query":"y","health":"unknown","type":"alerting","state":"inactive"},
              {"name":"job:p95","query":"z","health":"err","lastError":"many-to-many matching not allowed",
               "type":"recording"}]}]}
            """;

    private static Observation rule(String name) {
        return RuleCheck.judge(name, ApiClient.json().readTree(RULES));
    }

    @Test
    void aFiringAlertRuleIsStillHealthy() {
        Observation o = rule("HighErrorRate");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("state", "firing").containsEntry("group", "slo");
        assertThat(o.evidence()).containsEntry("file", "/etc/prometheus/slo.yml");
    }

    @Test
    void aRuleNotEvaluatedYetIsNoData() {
        Observation o = rule("NotYet");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("no data: alerting rule 'NotYet'");
    }

    @Test
    void aFailingRuleShowsPrometheusError() {
        Observation o = rule("job:p95");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).endsWith("is unhealthy (err): many-to-many matching not allowed");
    }

    private static final String CONFIG = """
            global: { resolve_timeout: 5m }
            route:
              receiver: default
              routes:
                - receiver: pager
                  matchers: ['severity="page"']
                  routes:
                    - receiver: db-team
                      matchers: ['team="db"']
            receivers:
              - name: default
              - name: pager
                pagerduty_configs: [{ routing_key: <secret> }]
              - name: db-team
              - name: forgotten
            """;

    @Test
    void aReceiverInANestedRouteIsRouted() {
        Observation o = ReceiverCheck.judge("db-team", CONFIG);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("receiver 'db-team' is configured and routed to (4 receivers)");
    }

    @Test
    void missingAndUnroutedReceiversFail() {
        assertThat(ReceiverCheck.judge("slack", CONFIG).summary())
                .isEqualTo("no receiver 'slack' (configured: db-team, default, forgotten, pager)");
        assertThat(ReceiverCheck.judge("forgotten", CONFIG).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void anUnreadableConfigurationIsAnError() {
        assertThat(ReceiverCheck.judge("x", "route: [").status()).isEqualTo(Status.ERROR);
    }
}
