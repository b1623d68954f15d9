package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Verdicts on Prometheus answers, from the JSON Prometheus sends. */
class QueryVerdictTest {
    private static JsonNode data(String json) {
        return ApiClient.json().readTree(json);
    }

    private static Observation judge(String json, String expect) throws ApiException {
        return InstantCheck.judge(
                Series.parse(data(json)), Optional.ofNullable(expect).flatMap(e -> Expectation.resolve(e, List.of())));
    }

    private static String vector(String... values) {
        StringBuilder sb = new StringBuilder("{\"resultType\":\"vector\",\"result\":[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"metric\":{\"__name__\":\"up\",\"instance\":\"i")
                    .append(i)
                    .append("\"},\"value\":[1700000000.5,\"")
                    .append(values[i])
                    .append("\"]}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void everySeriesMustMeetTheThreshold() throws ApiException {
        Observation o = judge(vector("1", "0", "1", "0", "0"), "= 1");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("3 of 5 series not = 1: up{instance=\"i1\"} = 0, up{instance=\"i3\"} = 0,"
                        + " up{instance=\"i4\"} = 0");
        assertThat(o.measurements())
                .containsEntry("series", 5)
                .containsEntry("failing", 3)
                .containsEntry("value", 0.0);
    }

    @Test
    void anEmptyAnswerIsNoData() throws ApiException {
        Observation o = judge(vector(), "< 1");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("no data");
        assertThat(judge(vector(), null).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aNanSeriesIsNoDataUnlessAnotherFails() throws ApiException {
        assertThat(judge(vector("0.1", "NaN"), "< 1").status()).isEqualTo(Status.ERROR);
        assertThat(judge(vector("0.1", "NaN"), "< 1").summary()).startsWith("no data: 1 of 2 series are NaN");
        assertThat(judge(vector("5", "NaN"), "< 1").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void infinityIsAValueThatFailsAnUpperLimit() throws ApiException {
        Observation o = judge(vector("+Inf"), "< 500ms");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("not < 500ms: up{instance=\"i0\"} = +Inf");
    }

    @Test
    void withoutAThresholdDataIsEnough() throws ApiException {
        Observation o = judge(vector("42"), null);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("value 42 (no threshold to meet)");
    }

    @Test
    void aScalarIsOneSeriesWithoutLabels() throws ApiException {
        Observation o = judge("{\"resultType\":\"scalar\",\"result\":[1700000000,\"0.25\"]}", "< 50%");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("25% < 50%");
    }

    @Test
    void aStringAnswerIsNotANumber() {
        assertThatThrownBy(() -> Series.parse(data("{\"resultType\":\"string\",\"result\":[1,\"x\"]}")))
                .hasMessageContaining("returns a string");
    }

    @Test
    void seriesAreNamedTheWayPrometheusWritesThem() throws ApiException {
        List<Series> s = Series.parse(data(
                "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"job\":\"a\",\"__name__\":\"m\",\"code\":\"5\"},"
                        + "\"values\":[[1,\"1\"],[2,\"2\"]]}]}"));
        assertThat(s.getFirst().name()).isEqualTo("m{code=\"5\",job=\"a\"}");
        assertThat(s.getFirst().samples()).hasSize(2);
    }
}
