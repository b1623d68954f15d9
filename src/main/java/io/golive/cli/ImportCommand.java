package io.golive.cli;

import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.report.ImportSummary;
import io.golive.report.Json;
import io.golive.report.ModelJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code golive import}: parses a checklist and summarises it, or prints the model as JSON. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Parse a Markdown checklist and summarise it: sections, items, blocking, phases, criteria,",
            "sign-offs, rollback triggers, warnings. Exit 0 on success, 2 when the file cannot be used."
        })
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHECKLIST.md", description = "The Markdown checklist.")
    Path file;

    @Option(names = "--json", description = "Print the imported model as JSON (the shape of DESIGN.md).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Checklist checklist = new ChecklistImporter().importFile(file);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            out.println(Json.write(ModelJson.of(checklist)));
            checklist.warnings().forEach(w -> err.println("warning: " + file + ": " + w));
        } else {
            out.print(ImportSummary.of(checklist));
        }
        return Main.OK;
    }
}
