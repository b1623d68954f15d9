package io.golive.server.launch;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.checklist.MojibakeRepair;
import io.golive.gate.PlannedCheck;
import io.golive.gate.Planner;
import io.golive.probe.ProbeRegistry;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An uploaded launch written to a private temporary folder, so that the core's spec loader (which
 * reads files and resolves the checklist path against the spec) loads and validates it unchanged.
 * Problems are reported against the uploaded names, not the temporary folder.
 */
final class SpecFiles implements AutoCloseable {
    static final String SPEC_NAME = "golive.yaml";

    private final Path dir;
    private final LaunchSpec spec;
    private final String checklistName;
    private final String checklistText;
    private final Checklist checklist;
    private final List<PlannedCheck> planned;

    private SpecFiles(Path dir, LaunchSources sources, ProbeRegistry registry, Map<String, String> env) {
        this.dir = dir;
        try {
            Files.writeString(dir.resolve(SPEC_NAME), sources.spec(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> f : sources.checklists().entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.spec = new SpecLoader(registry.kinds(), env).load(dir.resolve(SPEC_NAME));
        if (spec.checklists().size() != 1) {
            throw new InputException(SPEC_NAME + ": one checklist per spec is supported");
        }
        this.checklistName = spec.checklists().getFirst().getFileName().toString();
        this.checklistText = MojibakeRepair.repair(sources.checklists().get(checklistName));
        this.checklist =
                new ChecklistImporter().parse(checklistName, checklistText).withSignoffs(spec.signoffs());
        this.planned = new Planner(registry).plan(spec, checklist);
    }

    /** Loads and validates; every problem is in the {@link InputException}, named by uploaded file. */
    static SpecFiles load(LaunchSources sources, ProbeRegistry registry, Map<String, String> env) {
        sources.requireValidNames();
        Path dir;
        try {
            dir = Files.createTempDirectory("golive-launch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new SpecFiles(dir, sources, registry, env);
        } catch (InputException e) {
            delete(dir);
            String prefix = dir.toString() + java.io.File.separator;
            throw new InputException(
                    e.problems().stream().map(p -> p.replace(prefix, "")).toList());
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    LaunchSpec spec() {
        return spec;
    }

    String checklistName() {
        return checklistName;
    }

    String checklistText() {
        return checklistText;
    }

    Checklist checklist() {
        return checklist;
    }

    List<PlannedCheck> planned() {
        return planned;
    }

    @Override
    public void close() {
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the next start of the JVM's temp cleaner removes it
        }
    }
}
