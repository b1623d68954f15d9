package io.golive.cli;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.report.Json;
import io.golive.report.JunitReport;
import io.golive.report.MarkdownReport;
import io.golive.report.ReportJson;
import io.golive.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
            "Evaluate a checklist (or a golive.yaml launch spec) and decide GO or NO-GO.",
            "Exit 0 GO, 1 NO-GO, 2 bad input. With a checklist alone, unticked blocking pre-launch items",
            "are PENDING, ticked ones DONE, items of later phases DEFERRED."
        })
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC.yaml|CHECKLIST.md", description = "A launch spec or a checklist.")
    Path file;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default), json, junit or md (the checklist written back with each status).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "junit", "md").contains(fmt)) {
            throw new InputException("--format: unknown format '" + format + "' (use text, json, junit or md)");
        }
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            throw new InputException(file + ": launch specs (golive.yaml) are not supported by this build yet; "
                    + "run golive check on the checklist itself");
        }
        ChecklistImporter importer = new ChecklistImporter();
        String text = importer.readText(file);
        Checklist checklist = importer.parse(file.toString(), text);
        PrintWriter err = spec.commandLine().getErr();
        checklist.warnings().forEach(w -> err.println("warning: " + file + ": " + w));
        Evaluation evaluation = new Gate().evaluate(checklist, List.of());
        write(render(fmt, evaluation, text));
        if (out != null || !fmt.equals("text")) {
            err.println(
                    evaluation.decision() == Decision.GO
                            ? "GO"
                            : "NO-GO: " + evaluation.reasons().size() + " reasons");
        }
        return evaluation.decision() == Decision.GO ? Main.OK : Main.NO_GO;
    }

    private static String render(String fmt, Evaluation e, String markdown) {
        return switch (fmt) {
            case "json" -> Json.write(ReportJson.of(e)) + "\n";
            case "junit" -> JunitReport.of(e);
            case "md" -> MarkdownReport.of(e, markdown);
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
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".golive-", ".tmp");
            Files.writeString(tmp, report, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    out,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(out + ": cannot write the report: " + e.getMessage(), e);
        }
    }
}
