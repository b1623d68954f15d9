package io.golive.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationsTest {
    private final Observation pass = Observation.pass("fine", Map.of("a", 1)).withEvidence("q", "one");
    private final Observation fail = Observation.fail("wanting", Map.of("b", 2));
    private final Observation error = Observation.error("refused");

    @Test
    void allPassingPartsPassWithEverySummary() {
        Observation o = Observations.combine(List.of(pass, Observation.pass("also", Map.of())));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("fine; also");
    }

    @Test
    void aFailingPartFailsAndOnlyTheNonPassingPartsAreSummarised() {
        Observation o = Observations.combine(List.of(pass, fail));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("wanting");
        assertThat(o.measurements()).containsEntry("a", 1).containsEntry("b", 2);
        assertThat(o.evidence()).containsEntry("q", "one");
    }

    @Test
    void aFailureOutranksAnErrorAsEverywhereElse() {
        Observation o = Observations.combine(List.of(error, fail, pass));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("refused; wanting");
        assertThat(Observations.combine(List.of(pass, error)).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aProbeCannotAnswerAnItemStatus() {
        for (Status s : List.of(Status.PENDING, Status.DONE, Status.WAIVED, Status.DEFERRED)) {
            assertThatThrownBy(() -> new Observation(s, "x", Map.of(), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("PASS, FAIL or ERROR");
        }
    }

    @Test
    void worseIsOneOrdering() {
        assertThat(ProbeVerdict.worse(ProbeVerdict.ERROR, ProbeVerdict.FAIL)).isEqualTo(ProbeVerdict.FAIL);
        assertThat(ProbeVerdict.worse(ProbeVerdict.FAIL, ProbeVerdict.ERROR)).isEqualTo(ProbeVerdict.FAIL);
        assertThat(ProbeVerdict.worse(ProbeVerdict.PASS, ProbeVerdict.ERROR)).isEqualTo(ProbeVerdict.ERROR);
    }

    @Test
    void theActualValueTravelsInTheMeasurements() {
        Observation o = pass.withActual(99.85, java.util.Optional.of("%"));
        assertThat(o.actual()).hasValueSatisfying(r -> assertThat(r.text()).isEqualTo("99.85%"));
        assertThat(o.measurements()).containsEntry("a", 1);
        assertThat(pass.actual()).isEmpty();
    }

    @Test
    void theOrderOfPartsDoesNotChangeTheVerdict() {
        Observation o = Observations.combine(List.of(fail, error, pass));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("wanting; refused");
    }

    @Test
    void nothingCheckedIsNoData() {
        assertThat(Observations.combine(List.of()).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aCheckOwnPasswordIsMaskedEverywhereAndTheServerNamed() {
        Observation o = new Observation(
                Status.ERROR,
                "login as pw=hunter2 refused",
                Map.of("echo", "hunter2", "n", 1),
                Map.of("sent", "AUTH hunter2"));
        Observation m = Observations.masked(o, "hunter2", "redis://h:1");
        assertThat(m.toString()).doesNotContain("hunter2");
        assertThat(m.summary()).isEqualTo("login as pw=**** refused");
        assertThat(m.measurements()).containsEntry("n", 1);
        assertThat(m.evidence()).containsEntry("server", "redis://h:1");
    }
}
