package io.golive.gate;

import io.golive.checklist.Checklist;
import io.golive.checklist.Criterion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves a check's {@code criterion:} reference: a criterion's id, else its name ignoring case; when
 * the name stands in several tables, the single row of a pre-launch table wins (later tables are
 * post-launch success metrics). Anything else is a problem listing the candidates.
 */
final class CriterionRefs {
    private final List<Criterion> criteria;

    CriterionRefs(Checklist checklist) {
        this.criteria = checklist.criteria();
    }

    /** The criterion, or a message saying why the reference names none or several. */
    Result resolve(String ref) {
        String wanted = ref.strip().toLowerCase(Locale.ROOT);
        Optional<Criterion> byId =
                criteria.stream().filter(c -> c.id().equals(wanted)).findFirst();
        if (byId.isPresent()) {
            return new Result(byId, "");
        }
        List<Criterion> named = criteria.stream()
                .filter(c -> c.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        List<Criterion> preLaunch =
                named.stream().filter(c -> c.phase().gatesLaunch()).toList();
        if (named.size() == 1) {
            return new Result(Optional.of(named.getFirst()), "");
        }
        if (preLaunch.size() == 1) {
            return new Result(Optional.of(preLaunch.getFirst()), "");
        }
        if (named.isEmpty()) {
            return new Result(
                    Optional.empty(),
                    criteria.isEmpty()
                            ? "criterion '" + ref + "': the checklist has no criteria table"
                            : "criterion '" + ref + "' matches no criterion; the checklist's criteria:"
                                    + candidates(criteria));
        }
        return new Result(
                Optional.empty(),
                "criterion '" + ref + "' is ambiguous: it names " + named.size() + " rows; use one id:"
                        + candidates(named));
    }

    private static String candidates(List<Criterion> list) {
        String shown = list.stream()
                .limit(20)
                .map(c -> "\n    " + c.id() + "  (line " + c.line() + ": " + c.name() + " " + c.raw() + ", " + c.table()
                        + ")")
                .collect(Collectors.joining());
        return list.size() > 20 ? shown + "\n    ..." : shown;
    }

    record Result(Optional<Criterion> criterion, String problem) {}
}
