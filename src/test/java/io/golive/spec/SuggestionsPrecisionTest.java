package io.golive.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.checklist.Item;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How good {@code golive init}'s suggestions are on the five seeds, against hand labels
 * ({@code init/labels.tsv}: for each item the probe kinds a careful SRE would accept, or manual).
 * Precision: suggestions whose kind the label accepts. Coverage: items a probe can check that got
 * an acceptable suggestion. Prints the table and every miss.
 */
class SuggestionsPrecisionTest {
    /** One labelled item and what init suggested for it. */
    record Row(String seed, String id, Set<String> accepted, Optional<String> suggested, String text) {
        boolean checkable() {
            return !accepted.contains("manual");
        }

        boolean good() {
            return suggested.isPresent() && accepted.contains(suggested.get());
        }
    }

    @Test
    void precisionAndCoverageMeetTheTargets() throws IOException, URISyntaxException {
        List<Row> rows = rows();
        assertThat(rows).hasSize(575);
        Map<String, int[]> bySeed = new LinkedHashMap<>();
        for (Row r : rows) {
            int[] t = bySeed.computeIfAbsent(r.seed(), k -> new int[5]);
            tally(t, r);
            tally(bySeed.computeIfAbsent("all", k -> new int[5]), r);
        }
        StringBuilder table = new StringBuilder("seed  items  checkable  suggested  acceptable  precision  coverage\n");
        bySeed.forEach((seed, t) -> table.append(String.format(
                Locale.ROOT,
                "%-4s  %5d  %9d  %9d  %10d  %8.1f%%  %7.1f%%%n",
                seed,
                t[0],
                t[1],
                t[2],
                t[3],
                t[2] == 0 ? 100.0 : 100.0 * t[3] / t[2],
                t[1] == 0 ? 100.0 : 100.0 * t[4] / t[1])));
        System.out.println(table);
        rows.stream()
                .filter(r -> r.suggested().isPresent() && !r.good())
                .forEach(r -> System.out.println(
                        "WRONG  " + r.seed() + " " + r.suggested().get() + " for " + r.accepted() + ": " + r.text()));
        rows.stream()
                .filter(r -> r.checkable() && !r.good() && r.suggested().isEmpty())
                .forEach(r -> System.out.println("MISSED " + r.seed() + " " + r.accepted() + ": " + r.text()));
        int[] all = bySeed.get("all");
        assertThat(100.0 * all[3] / all[2]).as(table.toString()).isGreaterThanOrEqualTo(90.0);
        assertThat(100.0 * all[4] / all[1]).as(table.toString()).isGreaterThanOrEqualTo(70.0);
    }

    private static void tally(int[] t, Row r) {
        t[0]++;
        t[1] += r.checkable() ? 1 : 0;
        t[2] += r.suggested().isPresent() ? 1 : 0;
        t[3] += r.good() ? 1 : 0;
        t[4] += r.checkable() && r.good() ? 1 : 0;
    }

    static List<Row> rows() throws IOException, URISyntaxException {
        Path dir = Path.of(SuggestionsPrecisionTest.class.getResource("/init").toURI());
        Map<String, Map<String, Item>> items = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("labels.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            Item item = items.computeIfAbsent(f[0], s -> seed(dir, s)).get(f[1]);
            assertThat(item).as("item " + f[1] + " of seed " + f[0]).isNotNull();
            rows.add(new Row(
                    f[0],
                    f[1],
                    Set.of(f[2].split("\\|")),
                    Suggestions.forItem(item).map(Suggestions.Suggestion::kind),
                    f[3]));
        }
        return rows;
    }

    private static Map<String, Item> seed(Path dir, String number) {
        try (var files = Files.list(dir.resolve("seeds"))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(number + "_"))
                    .findFirst()
                    .orElseThrow();
            Checklist c = new ChecklistImporter().importFile(file);
            Map<String, Item> byId = new LinkedHashMap<>();
            c.allItems().forEach(i -> byId.put(i.id(), i));
            return byId;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
