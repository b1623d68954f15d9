package io.golive.server.signoff;

import io.golive.checklist.Signoff;
import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.server.security.Roles;
import io.golive.server.signoff.SignoffStore.SignoffRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's decision: the gate's, plus the sign-offs. GO needs an APPROVE from every role the
 * checklist names, given on the current evidence; a REJECT holds until that role approves again.
 */
public final class SignoffDecision {
    private SignoffDecision() {}

    /** The state of one required role: its latest sign-off, if any, and whether that is stale. */
    public record RoleState(String role, Optional<SignoffRow> latest, boolean stale) {}

    /** The evaluation with the sign-off reasons, and each role's state. */
    public record Result(Evaluation evaluation, List<RoleState> roles) {}

    public static Result decide(Evaluation gate, List<SignoffRow> signoffs, String currentDigest) {
        List<RoleState> roles = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String role : requiredRoles(gate)) {
            Optional<SignoffRow> latest =
                    signoffs.stream().filter(s -> Roles.same(s.role(), role)).reduce((a, b) -> b);
            boolean stale = latest.map(s -> !s.digest().equals(currentDigest)).orElse(false);
            roles.add(new RoleState(role, latest, stale));
            reason(role, latest, stale).ifPresent(reasons::add);
        }
        if (reasons.isEmpty()) {
            return new Result(gate, roles);
        }
        List<String> all = new ArrayList<>(gate.decision() == Decision.NO_GO ? gate.reasons() : List.of());
        all.addAll(reasons);
        Evaluation e = new Evaluation(
                gate.checklist(), Decision.NO_GO, all, gate.items(), gate.unboundChecks(), gate.criteria());
        return new Result(e, roles);
    }

    /** The sign-off roles the checklist names, each once, in its order. */
    public static List<String> requiredRoles(Evaluation e) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (Signoff s : e.checklist().signoffs()) {
            String r = Roles.normalize(s.role());
            roles.putIfAbsent(r.toLowerCase(java.util.Locale.ROOT), r);
        }
        return List.copyOf(roles.values());
    }

    private static Optional<String> reason(String role, Optional<SignoffRow> latest, boolean stale) {
        if (latest.isEmpty()) {
            return Optional.of("SIGN-OFF MISSING: " + role + " has not approved");
        }
        SignoffRow s = latest.get();
        String by = s.user() + " at " + Instant.ofEpochMilli(s.atMs());
        if (s.verdict().equals("REJECT")) {
            return Optional.of("REJECTED by " + role + " (" + by + ")"
                    + s.comment().map(c -> ": " + c).orElse(""));
        }
        if (stale) {
            return Optional.of("SIGN-OFF STALE: " + role + " approved (" + by
                    + ") but the checklist or a blocking item's status changed since");
        }
        return Optional.empty();
    }
}
