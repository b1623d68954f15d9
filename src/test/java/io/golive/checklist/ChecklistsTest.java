package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Several checklists of one launch as one: prefixed ids, each file's lines, merged sign-offs. */
class ChecklistsTest {
    private final ChecklistImporter importer = new ChecklistImporter();

    private Checklists.Part part(String name, String markdown) {
        return new Checklists.Part(name, importer.parse(name, markdown));
    }

    @Test
    void oneChecklistIsReturnedUnchanged() {
        Checklists.Part only = part("LAUNCH.md", "# L\n## Pre\n- [ ] a\n");
        assertThat(Checklists.combine("x", List.of(only))).isSameAs(only.checklist());
    }

    @Test
    void eachFileBecomesASectionAndPrefixesItsIds() {
        Checklist c = Checklists.combine(
                "checkout",
                List.of(
                        part(
                                "ops/LAUNCH.md",
                                "# Ops\n## Pre-Launch\n- [ ] TLS valid\n  - [x] renewed\n"
                                        + "## Sign-Off\n| Role | Signature |\n|---|---|\n| CTO | |\n"),
                        part(
                                "SECURITY.md",
                                "# Security\n\n## Pre-Launch\n- [ ] TLS valid\n## Post-Launch\n- [ ] Scan\n"
                                        + "## Sign-Off\n| Role | Signature |\n|---|---|\n| cto | |\n| CISO | |\n")));
        assertThat(c.title()).isEqualTo("checkout");
        assertThat(c.sections()).extracting(Section::id).containsExactly("launch", "security");
        assertThat(c.sections()).extracting(Section::title).containsExactly("Ops", "Security");
        assertThat(c.allItems())
                .extracting(Item::id)
                .containsExactly(
                        "launch/pre-launch/tls-valid",
                        "launch/pre-launch/renewed",
                        "security/pre-launch/tls-valid",
                        "security/post-launch/scan");
        assertThat(c.allItems()).extracting(Item::line).containsExactly(3, 4, 4, 6);
        assertThat(c.allSections().stream()
                        .filter(s -> s.id().equals("security/post-launch"))
                        .findFirst()
                        .orElseThrow()
                        .phase())
                .isEqualTo(Phase.POST_LAUNCH);
        assertThat(c.signoffs()).extracting(Signoff::role).containsExactly("CTO", "CISO");
    }

    @Test
    void filesOfTheSameNameGetDistinctPrefixesAndWarningsNameTheirFile() {
        Checklist c = Checklists.combine(
                "x",
                List.of(part("a/LAUNCH.md", "# A\n## S\n- [ ] one\n"), part("b/LAUNCH.md", "# B\n## S\n- [ ] two\n")));
        assertThat(c.sections()).extracting(Section::id).containsExactly("launch", "launch-2");
        assertThat(c.allItems()).extracting(Item::id).containsExactly("launch/s/one", "launch-2/s/two");
    }
}
