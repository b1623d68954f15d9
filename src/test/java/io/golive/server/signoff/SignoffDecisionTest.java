package io.golive.server.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.ChecklistImporter;
import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.server.signoff.SignoffStore.SignoffRow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GO needs a fresh APPROVE from every role the checklist names; a REJECT holds until re-approved. */
class SignoffDecisionTest {
    static final String MD = "# L\n## Pre\n- [x] done\n## Sign-Off\n| Role | Name | Signature |\n|---|---|---|\n"
            + "| CTO | | |\n| Security Lead | | |\n";
    final Evaluation gate = new Gate().evaluate(new ChecklistImporter().parse("l.md", MD), List.of());

    static SignoffRow row(long id, String role, String verdict, String digest) {
        return new SignoffRow(id, role, "u" + id, verdict, Optional.empty(), digest, 1000 * id);
    }

    @Test
    void everyNamedRoleMustApprove() {
        SignoffDecision.Result r = SignoffDecision.decide(gate, List.of(row(1, "CTO", "APPROVE", "d")), "d");
        assertThat(r.evaluation().decision()).isEqualTo(Decision.NO_GO);
        assertThat(r.evaluation().reasons()).containsExactly("SIGN-OFF MISSING: Security Lead has not approved");
    }

    @Test
    void freshApprovalsFromEveryRoleKeepTheGatesGo() {
        var signoffs = List.of(row(1, "cto", "APPROVE", "d"), row(2, "Security Lead", "APPROVE", "d"));
        assertThat(SignoffDecision.decide(gate, signoffs, "d").evaluation().decision())
                .isEqualTo(Decision.GO);
    }

    @Test
    void anApprovalOfOtherEvidenceIsStale() {
        var signoffs = List.of(row(1, "CTO", "APPROVE", "old"), row(2, "Security Lead", "APPROVE", "d"));
        SignoffDecision.Result r = SignoffDecision.decide(gate, signoffs, "d");
        assertThat(r.evaluation().decision()).isEqualTo(Decision.NO_GO);
        assertThat(r.roles().getFirst().stale()).isTrue();
        assertThat(r.evaluation().reasons().getFirst()).startsWith("SIGN-OFF STALE: CTO");
    }

    @Test
    void theLatestVerdictOfARoleCounts() {
        var rejected = List.of(
                row(1, "CTO", "APPROVE", "d"), row(2, "Security Lead", "APPROVE", "d"), row(3, "CTO", "REJECT", "d"));
        assertThat(SignoffDecision.decide(gate, rejected, "d").evaluation().reasons())
                .singleElement()
                .asString()
                .startsWith("REJECTED by CTO");
        var reapproved = new java.util.ArrayList<>(rejected);
        reapproved.add(row(4, "CTO", "APPROVE", "d"));
        assertThat(SignoffDecision.decide(gate, reapproved, "d").evaluation().decision())
                .isEqualTo(Decision.GO);
    }
}
