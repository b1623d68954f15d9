package io.golive.server.launch;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.checklist.Checklists;
import io.golive.checklist.MojibakeRepair;
import io.golive.gate.PlannedCheck;
import io.golive.gate.Planner;
import io.golive.notify.NotifyReader;
import io.golive.probe.ProbeRegistry;
import io.golive.spec.LaunchSpec;
import io.golive.spec.Problems;
import io.golive.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uploaded launch, loaded and validated from its texts in memory: nothing of an upload is written
 * to the server's disk. The spec is named as if it lay in a folder of its own ({@link #HOME}, which
 * does not exist), so that its {@code checklist:} resolves to one of the uploaded names; problems are
 * reported against the uploaded names.
 */
public final class SpecFiles {
    public static final String SPEC_NAME = "golive.yaml";
    /** The folder an upload is named in; never created. */
    static final Path HOME = Path.of(System.getProperty("java.io.tmpdir"), "golive-upload")
            .toAbsolutePath()
            .normalize();
    /** How the loader's messages begin a path inside {@link #HOME}; they name the upload without it. */
    private static final String HOME_PREFIX = HOME + java.io.File.separator;

    private final LaunchSpec spec;
    private final List<String> checklistNames;
    private final Checklist checklist;
    private final List<PlannedCheck> planned;
    private final SpecLoader loader;
    private final String text;

    private SpecFiles(LaunchSources sources, ProbeRegistry registry, Map<String, String> env) {
        Path specFile = HOME.resolve(SPEC_NAME);
        // every checklist path passes the loader: requireUploaded says which are not uploads, in one run
        SpecLoader loader = new SpecLoader(registry.kinds(), env).withChecklists(p -> true);
        SpecLoader.Draft draft = loader.draft(specFile, sources.spec());
        requireUploaded(draft.spec().checklists(), sources, draft.problems());
        draft.problems().throwIfAny();
        this.spec = draft.spec();
        this.checklistNames =
                spec.checklists().stream().map(p -> p.getFileName().toString()).toList();
        this.checklist = imported(spec.name(), texts(checklistNames, sources.checklists()), spec.signoffs());
        this.planned = new Planner(registry).plan(spec, checklist);
        this.loader = loader;
        this.text = sources.spec();
    }

    /** Loads and validates; every problem is in the {@link InputException}, named by uploaded file. */
    public static SpecFiles load(LaunchSources sources, ProbeRegistry registry, Map<String, String> env) {
        sources.requireValidNames();
        try {
            return new SpecFiles(sources, registry, env);
        } catch (InputException e) {
            throw byUploadName(e);
        }
    }

    /** The problems of {@code e} naming the uploaded files without the folder they are read in. */
    private static InputException byUploadName(InputException e) {
        return new InputException(
                e.problems().stream().map(p -> p.replace(HOME_PREFIX, "")).toList());
    }

    /**
     * A spec names its checklists among the files uploaded with it: never a path on the server (an
     * absolute one, one with {@code ..}) nor a name that was not uploaded.
     */
    private static void requireUploaded(List<Path> checklists, LaunchSources sources, Problems problems) {
        for (Path p : checklists) {
            Path normal = p.toAbsolutePath().normalize();
            // as the spec wrote it: the loader resolved it against the upload's folder
            String name =
                    p.toString().startsWith(HOME_PREFIX) ? p.toString().substring(HOME_PREFIX.length()) : p.toString();
            boolean uploaded = HOME.equals(normal.getParent())
                    && sources.checklists().containsKey(normal.getFileName().toString());
            if (!uploaded) {
                problems.add(
                        lineOf(sources.spec(), name),
                        "checklist \"" + name + "\" is not one of the uploaded files "
                                + sources.checklists().keySet()
                                + " (name an uploaded checklist by its file name)");
            }
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

    /**
     * Reads the spec's {@code notify:} entries, so that an upload with one that does not read is refused
     * with its line, not found out when the first event fails. Only uploads ask: an evaluation must not
     * fail because a notification channel no longer reads.
     */
    public void requireNotifyReads() {
        try {
            NotifyReader.forThisHost().read(spec, loader.section(spec, text, "notify"));
        } catch (InputException e) {
            throw byUploadName(e);
        }
    }

    public LaunchSpec spec() {
        return spec;
    }

    public List<String> checklistNames() {
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
}
