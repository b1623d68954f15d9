package io.golive.gate;

import io.golive.checklist.Checklist;
import io.golive.checklist.Criterion;
import io.golive.checklist.Item;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeRegistry;
import io.golive.spec.CheckSpec;
import io.golive.spec.LaunchSpec;
import io.golive.spec.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds each check of a spec to its item and probe; every problem is reported with its line. */
public final class Planner {
    private final ProbeRegistry registry;

    public Planner(ProbeRegistry registry) {
        this.registry = registry;
    }

    public List<PlannedCheck> plan(LaunchSpec spec, Checklist checklist) {
        return plan(spec, checklist, new Problems(spec.file().toString()));
    }

    /**
     * Plans with the problems already found in the spec ({@link io.golive.spec.SpecLoader#draft}); throws
     * them all, with those of the checks, if there is any.
     */
    public List<PlannedCheck> plan(LaunchSpec spec, Checklist checklist, Problems problems) {
        ItemRefs refs = new ItemRefs(checklist);
        CriterionRefs criteria = new CriterionRefs(checklist);
        List<PlannedCheck> out = new ArrayList<>();
        for (CheckSpec check : spec.checks()) {
            Optional<Item> item = Optional.empty();
            if (check.item().isPresent()) {
                ItemRefs.Result r = refs.resolve(check.item().get());
                if (r.item().isEmpty()) {
                    problems.add(check.line(), r.problem());
                }
                item = r.item();
            }
            Optional<Criterion> criterion = Optional.empty();
            if (check.criterion().isPresent()) {
                CriterionRefs.Result r = criteria.resolve(check.criterion().get());
                if (r.criterion().isEmpty()) {
                    problems.add(check.line(), r.problem());
                }
                criterion = r.criterion();
            }
            Optional<ProbeConfig> config = registry.bind(check, problems);
            boolean resolved = (item.isPresent() || check.item().isEmpty())
                    && (criterion.isPresent() || check.criterion().isEmpty());
            if (config.isPresent() && resolved) {
                boolean blocking =
                        check.blocking().orElse(item.map(Item::blocking).orElse(true));
                out.add(new PlannedCheck(
                        check, registry.probe(check.kind()).orElseThrow(), config.get(), item, blocking, criterion));
            }
        }
        problems.throwIfAny();
        return out;
    }
}
