package io.golive.cli;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.checklist.Checklists;
import io.golive.gate.CheckResult;
import io.golive.gate.Decision;
import io.golive.gate.Engine;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.gate.PlannedCheck;
import io.golive.gate.Planner;
import io.golive.gate.RunOptions;
import io.golive.probe.ProbeRegistry;
import io.golive.report.HtmlReport;
import io.golive.report.Json;
import io.golive.report.JunitReport;
import io.golive.report.MarkdownReport;
import io.golive.report.ReportJson;
import io.golive.report.TextReport;
import io.golive.spec.Durations;
import io.golive.spec.LaunchSpec;
import io.golive.spec.Problems;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code golive check}: evaluates a checklist or launch spec and decides GO or NO-GO. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a launch spec (golive.yaml) or a checklist alone and decide GO or NO-GO.",
            "Exit 0 GO, 1 NO-GO, 2 bad input. Checks run concurrently; an item's checks decide its",
            "status (PASS, FAIL, ERROR). Items without checks: ticked DONE, unticked PENDING; items of",
            "later phases DEFERRED."
        })
final class CheckCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "json", "junit", "md", "html");

    @Parameters(index = "0", paramLabel = "SPEC.yaml|CHECKLIST.md", description = "A launch spec or a checklist.")
    Path file;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default), json, junit, md (the checklist with each status) or html.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(
            names = "--only",
            paramLabel = "ID,...",
            split = ",",
            description = "Run only the checks bound to these item ids (or named so); other items keep their boxes.")
    Set<String> only;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "Time limit of the whole run (default 10m); unfinished checks are ERROR.")
    String timeout;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "64",
            description = "How many checks run at once (default 64; at most 16 against one target).")
    int parallel;

    @picocli.CommandLine.Mixin
    EgressOptions egress;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(fmt)) {
            throw new InputException(
                    "--format: unknown format '" + format + "' (use " + String.join(", ", FORMATS) + ")");
        }
        if (parallel < 1) {
            throw new InputException("--parallel: must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        ChecklistImporter importer = new ChecklistImporter();
        boolean isSpec = isSpec(file);
        LaunchSpec launch = null;
        Problems problems = null;
        // Probes load only for a spec: a bare checklist needs none, and loading them costs start-up time.
        ProbeRegistry registry = isSpec ? ProbeRegistry.load(getClass().getClassLoader()) : null;
        List<Path> files = List.of(file);
        if (isSpec) {
            SpecLoader.Draft draft = new SpecLoader(registry.kinds(), System.getenv()).draft(file);
            if (!draft.checklistsFound()) {
                draft.problems().throwIfAny();
            }
            launch = draft.spec();
            problems = draft.problems();
            files = launch.checklists();
            if (files.size() > 1 && fmt.equals("md")) {
                throw new InputException("--format md writes one checklist back; " + file + " lists " + files.size()
                        + " (use json, junit, html or text)");
            }
        }
        List<Checklists.Part> parts = new ArrayList<>();
        String text = "";
        for (Path f : files) {
            text = importer.readText(f);
            Checklist one = importer.parse(f.toString(), text);
            one.warnings().forEach(w -> err.println("warning: " + f + ": " + w));
            parts.add(new Checklists.Part(f.getFileName().toString(), one));
        }
        Checklist combined = Checklists.combine(
                isSpec ? launch.name() : parts.getFirst().checklist().title(), parts);
        Checklist checklist = isSpec ? combined.withSignoffs(launch.signoffs()) : combined;
        List<CheckResult> results = isSpec ? runChecks(launch, checklist, registry, problems, err) : List.of();
        Evaluation evaluation = new Gate().evaluate(checklist, results);
        write(render(fmt, evaluation, text));
        if (out != null || !fmt.equals("text")) {
            err.println(
                    evaluation.decision() == Decision.GO
                            ? "GO"
                            : "NO-GO: " + evaluation.reasons().size() + " reasons");
        }
        return evaluation.decision() == Decision.GO ? Main.OK : Main.NO_GO;
    }

    private List<CheckResult> runChecks(
            LaunchSpec launch, Checklist checklist, ProbeRegistry registry, Problems problems, PrintWriter err) {
        List<PlannedCheck> planned = new Planner(registry).plan(launch, checklist, problems);
        if (only != null && !only.isEmpty()) {
            planned = planned.stream()
                    .filter(c -> c.item().map(i -> only.contains(i.id())).orElse(false) || only.contains(c.name()))
                    .toList();
            if (planned.isEmpty()) {
                throw new InputException(
                        "--only " + String.join(",", only) + ": no check is bound to these ids or names");
            }
        }
        Duration overall = duration("--timeout", timeout);
        RunOptions options =
                new RunOptions(RunOptions.DEFAULT_CHECK_TIMEOUT, overall, parallel, Math.min(parallel, 16));
        ProgressLine progress = new ProgressLine(err, System.console() != null);
        try (var policy = egress.install()) {
            List<CheckResult> results = new Engine(Clock.systemUTC()).run(launch, planned, options, progress);
            progress.end();
            return results;
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InputException(option + ": " + e.getMessage());
        }
    }

    static boolean isSpec(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String render(String fmt, Evaluation e, String markdown) {
        return switch (fmt) {
            case "json" -> Json.write(ReportJson.of(e)) + "\n";
            case "junit" -> JunitReport.of(e);
            case "md" -> MarkdownReport.of(e, markdown);
            case "html" -> HtmlReport.of(e);
            default -> TextReport.of(e);
        };
    }

    private void write(String report) {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(report);
            stdout.flush();
            return;
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".golive-", ".tmp");
            Files.writeString(tmp, report, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(out + ": cannot write the report: " + e.getMessage(), e);
        }
    }
}
