package io.golive.probe;

import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.gate.CheckResult;
import io.golive.gate.Engine;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.gate.PlannedCheck;
import io.golive.gate.Planner;
import io.golive.gate.Progress;
import io.golive.gate.RunOptions;
import io.golive.report.Json;
import io.golive.report.ReportJson;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A whole run as {@code golive check} does it: a checklist and a golive.yaml written to a folder,
 * loaded, planned and run by the engine with the built-in probes, and the JSON report rendered.
 */
public record SpecRun(Evaluation evaluation, List<CheckResult> results, String json) {
    /** Runs {@code spec} (golive.yaml text) against {@code checklist} (Markdown) with {@code env}. */
    public static SpecRun of(Path dir, String checklist, String spec, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("LAUNCH.md"), checklist);
        Path file = Files.writeString(dir.resolve("golive.yaml"), spec);
        ProbeRegistry registry = ProbeRegistry.load(SpecRun.class.getClassLoader());
        LaunchSpec s = new SpecLoader(registry.kinds(), env).load(file);
        Checklist c = new ChecklistImporter().importFile(s.checklists().getFirst());
        List<PlannedCheck> plan = new Planner(registry).plan(s, c);
        List<CheckResult> results = new Engine(Clock.systemUTC()).run(s, plan, RunOptions.defaults(), Progress.none());
        Evaluation e = new Gate().evaluate(c, results);
        return new SpecRun(e, results, Json.write(ReportJson.of(e)));
    }

    /** The result of the check with this name (or bound to an item with this text). */
    public CheckResult check(String name) {
        return results.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name + " in " + results));
    }
}
