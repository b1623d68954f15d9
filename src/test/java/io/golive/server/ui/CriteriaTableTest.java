package io.golive.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriteriaTableTest {
    @Test
    void measuredCriteriaShowTheirValueWhetherMetAndTheQueryTheyRead() {
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("id", "go-no-go/cfur");
        measured.put("name", "CFUR");
        measured.put("table", "Go/No-Go");
        measured.put("phase", "PRE_LAUNCH");
        measured.put("threshold", ">= 99.8%");
        measured.put("status", "FAIL");
        measured.put("actual", 99.1);
        measured.put("unit", "%");
        measured.put("actualText", "99.1%");
        measured.put("met", false);
        measured.put(
                "checks",
                List.of(Map.of(
                        "type",
                        "prometheus",
                        "summary",
                        "99.1 (expect >= 99.8%)",
                        "evidence",
                        Map.of(
                                "query",
                                "cfur",
                                "request",
                                "GET http://127.0.0.1:9090/api/v1/query?query=cfur (auth)"))));
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("id", "go-no-go/p95");
        pending.put("name", "P95");
        pending.put("threshold", "< 500ms");
        pending.put("status", "PENDING");
        pending.put("actual", null);
        pending.put("met", null);
        pending.put("checks", List.of());

        List<CriteriaTable.Row> rows = CriteriaTable.of(Map.of("criteria", List.of(measured, pending)));

        assertThat(rows.get(0).actual()).isEqualTo("99.1%");
        assertThat(rows.get(0).met()).isEqualTo("not met");
        assertThat(rows.get(0).evidence())
                .containsExactly(new CriteriaTable.Evidence(
                        "prometheus: 99.1 (expect >= 99.8%)", "http://127.0.0.1:9090/api/v1/query?query=cfur"));
        assertThat(rows.get(1).actual()).isEqualTo("—");
        assertThat(rows.get(1).met()).isEqualTo("not measured");
        assertThat(rows.get(1).evidence()).isEmpty();
        assertThat(CriteriaTable.of(Map.of())).isEmpty();
    }
}
