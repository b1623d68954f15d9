package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Mutated seeds and random bytes: the importer returns a model or its own input error, never anything else. */
class ImporterFuzzProperties {
    private static final Path SEEDS = Path.of(System.getProperty("golive.seeds", "../shared/seeds"));
    private static final List<String> FRAGMENTS = List.of(
            "- [ ] ",
            "* [x] ",
            "1. [ ] ",
            "  ",
            "    ",
            "\t",
            "\n",
            "# ",
            "### ",
            "|",
            "|---|",
            "```",
            "~~~",
            "> ",
            "**",
            "---\n",
            "≥ ",
            "< 0,05",
            "99.9%+",
            "â‰¥",
            "ðŸš€",
            "\uFFFD",
            "[!]",
            "✅ ",
            "<!-- ",
            " -->",
            "If P95 > 1s: AUTO ROLLBACK",
            "**CTO:** ____",
            "## Sign-Off\n");

    @Property(tries = 300)
    void mutatedSeedsNeverThrowAnythingButInputErrors(
            @ForAll("mutations") Tuple.Tuple3<Integer, Integer, List<Tuple.Tuple2<Integer, String>>> m) {
        String text = mutate(seedText(m.get1()), m.get2(), m.get3());
        importOrInputError(text);
    }

    @Property(tries = 200)
    void randomBytesNeverThrowAnythingButInputErrors(@ForAll("bytes") byte[] bytes) throws IOException {
        Path f = Files.createTempFile("fuzz", ".md");
        try {
            Files.write(f, bytes);
            try {
                new ChecklistImporter().importFile(f);
            } catch (InputException expected) {
                assertThat(expected.getMessage()).startsWith(f.toString());
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, Integer, List<Tuple.Tuple2<Integer, String>>>> mutations() {
        Arbitrary<Tuple.Tuple2<Integer, String>> edit = Arbitraries.integers()
                .between(0, 20_000)
                .flatMap(pos -> Arbitraries.oneOf(
                                Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(12))
                        .map(s -> Tuple.of(pos, s)));
        return Arbitraries.integers()
                .between(0, 4)
                .flatMap(seed -> Arbitraries.integers()
                        .between(0, 3)
                        .flatMap(cuts -> edit.list().ofMaxSize(25).map(edits -> Tuple.of(seed, cuts, edits))));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    private static void importOrInputError(String text) {
        try {
            Checklist c = new ChecklistImporter().parse("fuzz.md", text);
            assertThat(c.allItems()).allMatch(i -> !i.id().isEmpty());
        } catch (InputException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.md");
        }
    }

    private static String seedText(int n) {
        try (var files = Files.list(SEEDS)) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith("00" + n))
                    .findFirst()
                    .orElse(null);
            return p == null
                    ? "# Fallback\n- [ ] a\n  - [ ] b\n| A | Threshold |\n|---|---|\n| x | < 5% |\n"
                    : Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "# Fallback\n- [ ] a\n";
        }
    }

    private static String mutate(String text, int cuts, List<Tuple.Tuple2<Integer, String>> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (Tuple.Tuple2<Integer, String> e : edits) {
            int pos = Math.min(e.get1(), sb.length());
            sb.insert(pos, e.get2());
        }
        List<Integer> positions = new ArrayList<>();
        for (Tuple.Tuple2<Integer, String> e : edits) {
            positions.add(e.get1());
        }
        for (int i = 0; i < cuts && i < positions.size(); i++) {
            int from = Math.min(positions.get(i), sb.length());
            sb.delete(from, Math.min(sb.length(), from + 40));
        }
        return sb.toString();
    }
}
