package io.golive.cli;

import io.golive.checklist.ChecklistImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code golive import}: parses a checklist and summarises it. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Parse a checklist and summarise it.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHECKLIST.md", description = "The Markdown checklist.")
    Path file;

    @Override
    public Integer call() {
        new ChecklistImporter().importFile(file);
        return Main.OK;
    }
}
