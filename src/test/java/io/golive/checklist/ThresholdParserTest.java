package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one threshold grammar, on the forms checklists write. */
class ThresholdParserTest {
    /** "metric expression" of every threshold in the text, e.g. "AIR >= 0.8". */
    static List<String> found(String text) {
        return ThresholdParser.findAll(text).stream()
                .map(t -> t.metric().orElse("?") + " " + t.expression())
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Model performance meets minimum thresholds (AUC > 0.70)|AUC > 0.7",
                "Calibration verified (ECE < 0.10)|ECE < 0.1",
                "API latency (p95 < 500ms)|p95 < 500ms",
                "Reservation conflict rate (< 5%)|Reservation conflict rate < 5%",
                "Code coverage ≥80%|Code coverage >= 80%",
                "Unit tests: 80%+ coverage|coverage >= 80%",
                "Cache hit rate >40%|Cache hit rate > 40%",
                "RTO defined (target: 1 hour)|RTO <= 1h",
                "RPO defined (target: 15 minutes)|RPO <= 15min",
                "Measure RTO (<4 hours)|RTO < 4h",
                "Hourly CFUR checks (target: ≥99.8%)|CFUR >= 99.8%",
                "If P95 > 1s: AUTO ROLLBACK|P95 > 1s",
                "Recovery Time Objective (RTO): < 2 hours|RTO < 2h",
                "Order execution latency < 500ms (p95)|p95 < 500ms",
                "System uptime SLA: 99.5% (3.6 hours/month downtime)|uptime >= 99.5%",
                "99.9% uptime during go-live week|uptime >= 99.9%",
                "< 500ms average response time|average response time < 500ms",
                "< 1% error rate|error rate < 1%",
                "All unit tests passing (>95% coverage)|coverage > 95%",
                "Test with 1000 concurrent users|concurrent users >= 1000 users",
                "Load testing completed (target: 1000 req/s)|Load testing >= 1000 req/s",
                "Kubernetes cluster version verified (1.24+)|Kubernetes cluster version 1.24+",
                "TLS 1.2+|TLS 1.2+",
                "10x volume stress test|volume stress test >= 10x",
                "value < 0,05|value < 0.05",
                "throughput of at least 1,000 req/s|throughput >= 1000 req/s",
                "latency more than 2 seconds|latency > 2s",
                "error rate exceeds 5%|error rate > 5%",
                "contrast ≥ 4.5:1|contrast >= 4.5:1",
                "satisfaction ≥ 4.5/5|satisfaction >= 4.5/5",
                "approvals ≥ 3/4|approvals >= 3/4",
                "avg latency ≈ 120ms|avg latency ~ 120ms",
                "sustained rate ~ 800 rps|sustained rate ~ 800 req/s"
            })
    void readsTheThresholdAndItsMetric(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @Test
    void findsSeveralThresholdsInOneClause() {
        assertThat(found("Fairness metrics pass gates (AIR ≥ 0.80, gaps ≤ 0.05)"))
                .containsExactly("AIR >= 0.8", "gaps <= 0.05");
        assertThat(found("Load tests: 1000 concurrent users, p95 <500ms"))
                .containsExactly("concurrent users >= 1000 users", "p95 < 500ms");
        assertThat(found("Resource usage alerts (CPU > 80%, Memory > 85%, Disk > 90%)"))
                .containsExactly("CPU > 80%", "Memory > 85%", "Disk > 90%");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "24/7 On-Call",
                "Quiet hours (22:00-06:00) properly configured",
                "70/30 rule enforced",
                "T-24 hours",
                "Day -7",
                "Level 1: On-call engineer (15 minutes)",
                "v0.5.0",
                "378 Reconciliation Platform",
                "Set appropriate TTLs (300s users, 600s projects, 1800s stats)",
                "Backup retention policy (30 days)",
                "Canary trading enabled but conservative (5% allocation)",
                "Start with 10% traffic",
                "Phase 1 (Day -7)",
                "Week 4",
                "Run [NUMBER] smoke tests"
            })
    void numbersThatAreNotLimitsAreNotThresholds(String text) {
        assertThat(ThresholdParser.findAll(text)).isEmpty();
    }

    @Test
    void cellsTakeTheRowsMetricAndFrequencies() {
        assertThat(ThresholdParser.parseCell("CFUR", "≥ 99.8%")).hasValueSatisfying(t -> {
            assertThat(t.metric()).hasValue("CFUR");
            assertThat(t.expression()).isEqualTo(">= 99.8%");
        });
        assertThat(ThresholdParser.parseCell("Active Backups", "Hourly")
                        .orElseThrow()
                        .expression())
                .isEqualTo("<= 1h");
        assertThat(ThresholdParser.parseCell("Checks", "Weekly").orElseThrow().expression())
                .isEqualTo("<= 7d");
        assertThat(ThresholdParser.parseCell("X", "_")).isEmpty();
        assertThat(ThresholdParser.parseCell("X", "")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "< 0.5||LT|0.5|",
                "p95 < 500ms|p95|LT|500|ms",
                "errors < 0.1%|errors|LT|0.1|%",
                "rate >= 1000/s|rate|GE|1000|req/s",
                "AUC > 0.70|AUC|GT|0.7|",
                ">= 99.9%||GE|99.9|%",
                "99.9%+||GE|99.9|%"
            })
    void parsesStrictExpressions(String expr, String metric, Op op, double value, String unit) {
        Threshold t = ThresholdParser.parse(expr);
        assertThat(t.metric()).isEqualTo(Optional.ofNullable(metric));
        assertThat(t.op()).isEqualTo(op);
        assertThat(t.value()).isEqualTo(value);
        assertThat(t.unit()).isEqualTo(Optional.ofNullable(unit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "p95", "< fast", "500ms", "p95 << 5"})
    void rejectsWhatIsNotAnExpression(String expr) {
        assertThatThrownBy(() -> ThresholdParser.parse(expr))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a threshold");
    }

    @Test
    void comparesAcrossTimeUnits() {
        Threshold t = ThresholdParser.parse("p95 < 500ms");
        assertThat(t.test(0.612, "s")).hasValue(false);
        assertThat(t.test(0.4, "s")).hasValue(true);
        assertThat(t.test(3, "%")).isEmpty();
    }

    @Test
    void longHostileLinesAreReadWithoutBlowingUp() {
        String line = "< 1 ".repeat(100_000) + "(".repeat(10_000) + "9".repeat(100_000);
        assertThat(ThresholdParser.findAll(line)).hasSize(100_000);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "p-waarde < 0,05|< 0.05",
                "foutkans < 0,050|< 0.05",
                "Sharpe ≥ 0,8|>= 0.8",
                "at least 1,000 users|>= 1000 users",
                "paper trading ≥ 4 weken|>= 28d",
                "stabiel ≥ 14 dagen|>= 14d",
                "minimaal 30 dagen bewaard|>= 30d",
                "hoogstens 2 uur|<= 2h",
                "mindestens 2 Wochen|>= 14d",
                "höchstens 3 Tage|<= 3d",
                "unter 300 ms|< 300ms",
                "al menos 7 días|>= 7d",
                "menos de 2 semanas|< 14d",
                "au moins 3 semaines|>= 21d",
                "en moins de 2 heures|< 2h",
                "≥ 1 jour|>= 1d",
                "≤ 10 minuten|<= 10min",
                "≥ 2 weeks|>= 14d"
            })
    void commaDecimalsAndWeekAndDayWordsInFiveLanguages(String text, String expression) {
        assertThat(ThresholdParser.findAll(text))
                .extracting(Threshold::expression)
                .containsExactly(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"≥ 4 weken", "< 0,05", "≤ 3 Tage", "≥ 2 semanas"})
    void foreignThresholdsReadBackFromTheirExpression(String text) {
        Threshold t = ThresholdParser.findAll(text).getFirst();
        Threshold again = ThresholdParser.parse(t.expression());
        assertThat(again.value()).isEqualTo(t.value());
        assertThat(again.unit()).isEqualTo(t.unit());
        assertThat(again.op()).isEqualTo(t.op());
    }
}
