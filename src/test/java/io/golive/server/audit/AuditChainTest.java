package io.golive.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hash chain finds an edited, a deleted, a reordered entry and a cut-off tail. */
class AuditChainTest {
    static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String hash = AuditChain.hash(
                    prev, seq, 1000L * seq, "ed", "item.update", Optional.of(7L), "a/b", "{}", "{\"s\":1}");
            out.add(new AuditEntry(
                    seq, 1000L * seq, "ed", "item.update", Optional.of(7L), "a/b", "{}", "{\"s\":1}", prev, hash));
            prev = hash;
        }
        return out;
    }

    static Verification verify(List<AuditEntry> entries, List<AuditEntry> written) {
        AuditEntry last = written.getLast();
        return AuditChain.verify(entries, last.seq(), last.hash());
    }

    @Test
    void anIntactChainVerifies() {
        List<AuditEntry> c = chain(5);
        assertThat(verify(c, c).verified()).isTrue();
        assertThat(AuditChain.verify(List.of(), 0, AuditChain.GENESIS).verified())
                .isTrue();
    }

    @Test
    void anEditedEntryIsFound() {
        List<AuditEntry> c = chain(5);
        List<AuditEntry> edited = new ArrayList<>(c);
        AuditEntry e = c.get(2);
        edited.set(
                2,
                new AuditEntry(
                        e.seq(),
                        e.atMs(),
                        "mallory",
                        e.action(),
                        e.launchId(),
                        e.target(),
                        e.before(),
                        e.after(),
                        e.prevHash(),
                        e.hash()));
        assertThat(verify(edited, c).problem().orElseThrow()).contains("entry 3 was changed after it was written");
    }

    @Test
    void aDeletedEntryIsFound() {
        List<AuditEntry> c = chain(5);
        List<AuditEntry> deleted = new ArrayList<>(c);
        deleted.remove(1);
        assertThat(verify(deleted, c).problem().orElseThrow()).contains("entry 2 is missing");
    }

    @Test
    void reorderedEntriesAreFound() {
        List<AuditEntry> c = chain(5);
        // swap the contents of entries 2 and 3 but keep the seq order, as an UPDATE of two rows would
        List<AuditEntry> swapped = new ArrayList<>(c);
        AuditEntry a = c.get(1);
        AuditEntry b = c.get(2);
        swapped.set(
                1,
                new AuditEntry(
                        2,
                        b.atMs(),
                        b.actor(),
                        b.action(),
                        b.launchId(),
                        b.target(),
                        b.before(),
                        b.after(),
                        b.prevHash(),
                        b.hash()));
        swapped.set(
                2,
                new AuditEntry(
                        3,
                        a.atMs(),
                        a.actor(),
                        a.action(),
                        a.launchId(),
                        a.target(),
                        a.before(),
                        a.after(),
                        a.prevHash(),
                        a.hash()));
        assertThat(verify(swapped, c).verified()).isFalse();
    }

    @Test
    void aCutOffTailIsFound() {
        List<AuditEntry> c = chain(5);
        assertThat(verify(c.subList(0, 4), c).problem().orElseThrow()).contains("entries removed from the end");
    }
}
