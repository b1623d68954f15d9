package io.golive.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.ChecklistImporter;
import io.golive.probe.ProbeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example launch spec under {@code examples/} loads with the probes of this build, and its
 * checklist imports: the examples a newcomer copies first cannot drift from the code. The release
 * checklist ({@code release/GO_LIVE.md}) reads this test's report.
 */
class ExampleSpecsTest {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    static List<Path> specs() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("examples"), 3)) {
            return files.filter(p -> p.getFileName().toString().equals("golive.yaml"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void loadsAndItsChecklistImports(Path spec) throws IOException {
        Map<String, String> env = placeholders(Files.readString(spec));
        LaunchSpec loaded =
                new SpecLoader(ProbeRegistry.load(getClass().getClassLoader()).kinds(), env).load(spec);
        assertThat(loaded.checklists()).isNotEmpty();
        for (Path checklist : loaded.checklists()) {
            assertThat(new ChecklistImporter().importFile(checklist).allItems()).isNotEmpty();
        }
    }

    /** A value for every {@code ${NAME}} the spec uses: the example needs a real one only when it runs. */
    private static Map<String, String> placeholders(String text) {
        Matcher m = ENV.matcher(text);
        return m.results().map(r -> r.group(1)).distinct().collect(Collectors.toMap(n -> n, n -> "example"));
    }
}
