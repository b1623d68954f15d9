package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms real checklists use beyond the seeds, and bad input. */
class ChecklistImporterTest {
    private final ChecklistImporter importer = new ChecklistImporter();

    @TempDir
    Path dir;

    Checklist parse(String md) {
        return importer.parse("test.md", md);
    }

    List<String> texts(Checklist c) {
        return c.allItems().stream().map(Item::text).toList();
    }

    @Test
    void everyTaskMarkerIsATask() {
        Checklist c = parse("# T\n- [ ] a\n* [ ] b\n+ [x] c\n1. [X] d\n2) [ ] e\n- [!] f\n");
        assertThat(texts(c)).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(c.allItems())
                .extracting(Item::state)
                .containsExactly(
                        ItemState.OPEN,
                        ItemState.OPEN,
                        ItemState.DONE,
                        ItemState.DONE,
                        ItemState.OPEN,
                        ItemState.BLOCKED);
    }

    @Test
    void yamlFrontMatterBecomesMetadata() {
        Checklist c = parse("---\ntitle: Launch\nowner: \"Ana\"\n---\n# Launch\n- [ ] a\n");
        assertThat(c.metadata()).containsEntry("title", "Launch").containsEntry("owner", "Ana");
        assertThat(texts(c)).containsExactly("a");
    }

    @Test
    void fourSpaceAndThreeSpaceNestingMakeChildren() {
        Checklist c =
                parse("# T\n* [ ] parent\n    * [ ] child\n        * [ ] grandchild\n1. [ ] one\n   - [ ] under one\n");
        Section s = c.sections().getFirst();
        assertThat(s.items()).extracting(Item::text).containsExactly("parent", "one");
        assertThat(s.items().get(0).children().getFirst().children())
                .extracting(Item::text)
                .containsExactly("grandchild");
        assertThat(s.items().get(1).children()).extracting(Item::text).containsExactly("under one");
    }

    @Test
    void codeFencesBlockquotesAndBulletsDoNotBreakTheList() {
        String md = """
                # T
                - [ ] first
                  ```bash
                  - [ ] not a task inside a fence
                  ```
                  - a note with p95 < 300ms
                > a quote between tasks
                - [ ] second
                  > quoted note
                """;
        Checklist c = parse(md);
        assertThat(texts(c)).containsExactly("first", "second");
        assertThat(c.allItems().getFirst().notes()).contains("a note with p95 < 300ms");
    }

    @Test
    void statusEmojiMarkItems() {
        Checklist c = parse("# T\n- ✅ done thing\n- ⬜ open thing\n- 🚧 busy thing\n## ✅ Finished phase\n- [ ] x\n");
        assertThat(c.allItems())
                .extracting(Item::text, Item::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("done thing", ItemState.DONE),
                        org.assertj.core.groups.Tuple.tuple("open thing", ItemState.OPEN),
                        org.assertj.core.groups.Tuple.tuple("busy thing", ItemState.IN_PROGRESS),
                        org.assertj.core.groups.Tuple.tuple("x", ItemState.OPEN));
        assertThat(c.allSections().get(1).id()).isEqualTo("finished-phase");
    }

    @Test
    void tableCellsWithBoxesAreTasks() {
        String md = """
                # T
                ## Checks
                | Check | Result |
                |---|---|
                | Smoke test | [ ] Pass / [ ] Fail |
                | Backups | [x] Pass / [ ] Fail |
                | Restore | ☐ |
                | Failover | [ ] Pass / [x] Fail |
                """;
        Checklist c = parse(md);
        assertThat(c.allItems())
                .extracting(Item::text, Item::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Smoke test", ItemState.OPEN),
                        org.assertj.core.groups.Tuple.tuple("Backups", ItemState.DONE),
                        org.assertj.core.groups.Tuple.tuple("Restore", ItemState.OPEN),
                        org.assertj.core.groups.Tuple.tuple("Failover", ItemState.BLOCKED));
    }

    @Test
    void textThatOnlyLooksLikeACheckboxIsNotATask() {
        Checklist c = parse("# T\n- Name: [ ]\n1. [Step 1] do it\n**Verify:** [ ] it works\n- [ ] real\n");
        assertThat(texts(c)).containsExactly("real");
    }

    @Test
    void placeholdersStayText() {
        Checklist c = parse("# T\n**Launch Date:** {{ date }}\n- [ ] Run [NUMBER] smoke tests by ____\n");
        assertThat(texts(c)).containsExactly("Run [NUMBER] smoke tests by ____");
        assertThat(c.metadata()).containsEntry("Launch Date", "{{ date }}");
    }

    @Test
    void numberedAndCapitalHeadingsGiveCleanIds() {
        Checklist c = parse("# T\n## 1. Setup\n- [ ] a\n### 1.1 Database\n- [ ] b\n## A. Security\n- [ ] c\n"
                + "## 2) Network\n- [ ] d\n## GATE 1: Review\n- [ ] e\n## OPERATIONS\n- [ ] f\n");
        assertThat(c.allItems())
                .extracting(Item::id)
                .containsExactly("setup/a", "database/b", "security/c", "network/d", "gate-1-review/e", "operations/f");
    }

    @Test
    void missingFinalNewlineAndHardBreaksAreFine() {
        Checklist c = parse("# T\n- [ ] first line  \n  continues here\n- [ ] last\\\n  more");
        assertThat(texts(c)).containsExactly("first line continues here", "last more");
    }

    @Test
    void dutchAndSpanishTextIsKeptAsWritten() {
        Checklist c =
                parse("# Controlelijst\n## Vóór de lancering\n- [ ] Één back-up getest\n- [ ] Año fiscal ¿listo?\n");
        assertThat(texts(c)).containsExactly("Één back-up getest", "Año fiscal ¿listo?");
        assertThat(c.allItems().getFirst().id()).isEqualTo("voor-de-lancering/een-back-up-getest");
    }

    @Test
    void setextHeadingsAreSections() {
        Checklist c = parse("Launch\n======\n\nSecurity\n--------\n- [ ] TLS valid\n");
        assertThat(c.title()).isEqualTo("Launch");
        assertThat(c.allItems().getFirst().id()).isEqualTo("security/tls-valid");
    }

    @Test
    void oddButUsableThingsAreWarnings() {
        Checklist c = parse("# T\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] \n- [ ] real\n");
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("line 2:") && w.contains("table"));
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("line 6:") && w.contains("no text"));
    }

    @Test
    void duplicateTextsGetNumberedIds() {
        Checklist c = parse("# T\n## S\n- [ ] same\n- [ ] same\n## S\n- [ ] same\n");
        assertThat(c.allItems()).extracting(Item::id).containsExactly("s/same", "s/same-2", "s-2/same");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertRefused(write("empty.md", new byte[0]), "empty.md: the file is empty");
    }

    @Test
    void binaryFileIsRefused() throws IOException {
        assertRefused(write("x.md", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1}), "binary file");
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        assertRefused(write("bad.md", new byte[] {'#', ' ', 'a', '\n', '-', ' ', (byte) 0xC3, (byte) 0x28}), "UTF-8");
    }

    @Test
    void fileWithoutItemsIsRefused() throws IOException {
        assertRefused(
                write("prose.md", "# Notes\n\nJust prose.\n".getBytes(StandardCharsets.UTF_8)), "no checklist items");
    }

    @Test
    void hugeFileIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("big.md");
        try (var ch = java.nio.channels.FileChannel.open(
                big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), 20L * 1024 * 1024);
        }
        assertRefused(big, "MB");
    }

    @Test
    void listsNestedTooDeeplyAreRefusedWithTheLine() throws IOException {
        StringBuilder md = new StringBuilder("# Deep\n");
        for (int i = 0; i < 2_000; i++) {
            md.append(" ".repeat(i)).append("- [ ] level ").append(i).append('\n');
        }
        Path deep = write("deep.md", md.toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> importer.importFile(deep))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(deep + ":" + (ChecklistParser.MAX_DEPTH + 2) + ": ")
                .hasMessageContaining("nested deeper");
    }

    @Test
    void tenThousandLevelsOnOneLineOrInQuotesDoNotOverflowTheStack() {
        String markers = "- ".repeat(10_000) + "[ ] deepest";
        String quotes = ">".repeat(10_000) + " - [ ] quoted";
        String stars = "* ".repeat(10_000);
        Checklist c = parse("# Deep\n- [ ] top\n" + markers + "\n" + quotes + "\n" + stars + "\n");
        assertThat(texts(c)).containsExactly("top");
    }

    @Test
    void missingFileAndDirectoryAreRefused() {
        assertRefused(dir.resolve("nope.md"), "no such file");
        assertRefused(dir, "is a directory");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }
}
