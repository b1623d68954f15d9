package io.golive.server.launch;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.checklist.Checklists;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
    private final List<String> checklistNames;
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
        requireUploaded(spec.checklists(), dir, sources);
        this.checklistNames =
                spec.checklists().stream().map(p -> p.getFileName().toString()).toList();
        this.checklist = imported(spec.name(), texts(checklistNames, sources.checklists()), spec.signoffs());
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

    /**
     * A spec names its checklists among the files uploaded with it: never a path on the server (an
     * absolute one, one with {@code ..}) nor a name that was not uploaded.
     */
    private static void requireUploaded(List<Path> checklists, Path dir, LaunchSources sources) {
        Path home = dir.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        for (Path p : checklists) {
            Path normal = p.toAbsolutePath().normalize();
            String prefix = dir.toString() + java.io.File.separator;
            // as the spec wrote it: the loader resolved it against the temporary folder
            String name = p.toString().startsWith(prefix) ? p.toString().substring(prefix.length()) : p.toString();
            boolean uploaded = home.equals(normal.getParent())
                    && sources.checklists().containsKey(normal.getFileName().toString());
            if (!uploaded) {
                problems.add(SPEC_NAME + ":" + lineOf(sources.spec(), name) + ": checklist \"" + name
                        + "\" is not one of the uploaded files "
                        + sources.checklists().keySet()
                        + " (name an uploaded checklist by its file name)");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** The line of the spec naming {@code name}, else of its {@code checklist:} key, else 1. */
    private static int lineOf(String spec, String name) {
        String[] lines = spec.split("\n", -1);
        String bare = Path.of(name).getFileName() == null
                ? name
                : Path.of(name).getFileName().toString();
        for (String needle : List.of(name, bare, "checklist:")) {
            for (int i = 0; i < lines.length; i++) {
                if (!needle.isEmpty() && lines[i].contains(needle)) {
                    return i + 1;
                }
            }
        }
        return 1;
    }

    LaunchSpec spec() {
        return spec;
    }

    List<String> checklistNames() {
        return checklistNames;
    }

    /** The named checklists' texts, in the spec's order, mojibake repaired. */
    static Map<String, String> texts(List<String> names, Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, MojibakeRepair.repair(files.get(n))));
        return out;
    }

    /** The checklists imported as one launch, with the spec's sign-off roles. */
    static Checklist imported(String title, Map<String, String> texts, List<String> signoffRoles) {
        ChecklistImporter importer = new ChecklistImporter();
        List<Checklists.Part> parts = texts.entrySet().stream()
                .map(e -> new Checklists.Part(e.getKey(), importer.parse(e.getKey(), e.getValue())))
                .toList();
        return Checklists.combine(title, parts).withSignoffs(signoffRoles);
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
