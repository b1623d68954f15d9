package io.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.golive.load.RequestFile;
import io.golive.probe.ProbeRegistry;
import io.golive.spec.CheckSpec;
import io.golive.spec.LaunchSpec;
import io.golive.spec.Problems;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML example of README.md, docs/ and DESIGN.md is loaded as golive would load it: a spec (or a
 * fragment of one) through the spec loader and every check's probe configuration, a request file
 * through the load test's reader. Documentation and code cannot drift apart unnoticed.
 */
class DocExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ENV = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern CHECKLIST = Pattern.compile("(?m)^checklist:\\s*(.+?)\\s*(#.*)?$");
    private static final Pattern TOP_ROLLOUT = Pattern.compile("(?m)^rollout:");
    private static final Pattern TOP_NOTIFY = Pattern.compile("(?m)^notify:");
    private static final Path DESIGN_COPY = Path.of("src/test/resources/docs/DESIGN-examples.md");

    @TempDir
    Path dir;

    record Example(String file, int line, String yaml) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    static Stream<Example> examples() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), DESIGN_COPY));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Example> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(blocks(f));
        }
        return out.stream();
    }

    static List<Example> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 2;
            out.add(new Example(file.toString(), line, m.group(1)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyYamlExampleLoads(Example example) throws IOException {
        String yaml = example.yaml();
        if (yaml.startsWith("requests:")) {
            assertThat(RequestFile.parse(example.toString(), yaml)).isNotEmpty();
            return;
        }
        String firstKey = yaml.strip().split("[:\\s]", 2)[0];
        // a fragment that does not start at the top of a spec could not be tested as written: none may be
        assertThat(SpecLoader.topKeys())
                .as("%s: starts with '%s', not a top-level key of a spec (write the example whole)", example, firstKey)
                .contains(firstKey);
        Matcher named = CHECKLIST.matcher(yaml);
        String spec = named.find() ? yaml : "checklist: LAUNCH.md\n" + yaml;
        named = CHECKLIST.matcher(spec);
        named.find();
        for (String name : named.group(1).replaceAll("[\\[\\]\"]", "").split(",")) {
            Files.writeString(dir.resolve(name.strip()), "# Checklist\n## S\n- [ ] an item\n");
        }
        Map<String, String> env = new LinkedHashMap<>();
        ENV.matcher(spec).results().forEach(r -> env.put(r.group(1), valueOf(r.group(1))));
        ProbeRegistry registry = ProbeRegistry.load(getClass().getClassLoader());
        Path file = Files.writeString(dir.resolve("golive.yaml"), spec);
        SpecLoader.Draft draft = new SpecLoader(registry.kinds(), env).draft(file);
        Problems problems = draft.problems();
        LaunchSpec loaded = draft.spec();
        for (CheckSpec check : loaded.checks()) {
            registry.bind(check, problems);
        }
        assertThat(problemsOf(problems))
                .as(example + " loads without a problem")
                .isEmpty();
        boolean rollout = TOP_ROLLOUT.matcher(spec).find();
        boolean notify = TOP_NOTIFY.matcher(spec).find();
        if (rollout) {
            // a launch-day plan: valid when the plan reader golive rollout uses accepts it
            SpecLoader loader = new SpecLoader(registry.kinds(), env);
            List<io.golive.checklist.Checklist> checklists = new ArrayList<>();
            for (Path c : loaded.checklists()) {
                checklists.add(new io.golive.checklist.ChecklistImporter().importFile(c));
            }
            java.time.Clock clock = java.time.Clock.systemUTC();
            io.golive.rollout.Plan plan = new io.golive.rollout.PlanReader(
                            registry, io.golive.cli.RolloutCommand.actionKinds(clock), clock)
                    .read(loaded, loader.section(loaded, "rollout"), checklists);
            assertThat(plan.steps()).as(example + " plans steps").isNotEmpty();
        }
        if (notify) {
            assertThat(io.golive.notify.NotifyReader.forThisHost()
                            .read(loaded, new SpecLoader(registry.kinds(), env).section(loaded, "notify")))
                    .as(example + " has destinations")
                    .isNotEmpty();
        }
        if (!rollout && !notify) {
            assertThat(loaded.checks()).as(example + " has checks").isNotEmpty();
        }
    }

    @Test
    void theCopyOfDesignExamplesMatchesDesignWhenItIsPresent() throws IOException {
        Path design = Path.of(System.getProperty("golive.design", "../shared/DESIGN.md"));
        assumeThat(Files.isRegularFile(design))
                .as("../shared/DESIGN.md is present")
                .isTrue();
        assertThat(blocks(design).stream().map(Example::yaml))
                .containsExactlyElementsOf(
                        blocks(DESIGN_COPY).stream().map(Example::yaml).toList());
    }

    /** What a user would export: a URL for a variable named like one, any word for the rest. */
    private static String valueOf(String variable) {
        return variable.endsWith("_URL") ? "https://hooks.example.com/" + variable : "value-of-" + variable;
    }

    private static List<String> problemsOf(Problems problems) {
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InputException e) {
            return e.problems();
        }
    }
}
