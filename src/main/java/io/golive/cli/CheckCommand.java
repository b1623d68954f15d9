package io.golive.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code golive check}: evaluates a checklist or launch spec and decides GO or NO-GO. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Decide GO or NO-GO.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC.yaml|CHECKLIST.md")
    Path file;

    @Override
    public Integer call() {
        return Main.NO_GO;
    }
}
