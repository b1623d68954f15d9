package io.golive.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The hash chain of the audit log: how an entry's hash is computed, and how a chain is checked. */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** SHA-256 over the previous hash and every field, each length-prefixed so no two entries collide. */
    public static String hash(
            String prevHash,
            long seq,
            long atMs,
            String actor,
            String action,
            Optional<Long> launchId,
            String target,
            String before,
            String after) {
        MessageDigest sha = sha256();
        for (String field : List.of(
                prevHash,
                Long.toString(seq),
                Long.toString(atMs),
                actor,
                action,
                launchId.map(String::valueOf).orElse(""),
                target,
                before,
                after)) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String hashOf(AuditEntry e) {
        return hash(
                e.prevHash(),
                e.seq(),
                e.atMs(),
                e.actor(),
                e.action(),
                e.launchId(),
                e.target(),
                e.before(),
                e.after());
    }

    /**
     * Checks entries read in {@code seq} order against the head (the last seq and hash recorded apart):
     * an edited entry no longer matches its hash, a deleted one leaves a gap, reordered ones break the
     * links, a deleted tail falls short of the head.
     */
    public static Verification verify(List<AuditEntry> entries, long headSeq, String headHash) {
        String prev = GENESIS;
        long expected = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expected) {
                return Verification.broken(
                        entries.size(), "entry " + expected + " is missing (the next is " + e.seq() + ")");
            }
            if (!e.prevHash().equals(prev)) {
                return Verification.broken(
                        entries.size(),
                        "entry " + e.seq() + " does not follow entry " + (e.seq() - 1) + " (removed or reordered)");
            }
            if (!hashOf(e).equals(e.hash())) {
                return Verification.broken(entries.size(), "entry " + e.seq() + " was changed after it was written");
            }
            prev = e.hash();
            expected++;
        }
        if (expected - 1 != headSeq || !prev.equals(headHash)) {
            return Verification.broken(
                    entries.size(),
                    "the log ends at entry " + (expected - 1) + " but entry " + headSeq
                            + " was written (entries removed from the end)");
        }
        return new Verification(true, entries.size(), Optional.empty());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The SHA-256 of a text, as 64 hex digits. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
