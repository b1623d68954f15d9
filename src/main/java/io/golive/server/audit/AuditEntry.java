package io.golive.server.audit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One entry of the audit log: who did what, when, to which launch, with the value before and after.
 *
 * @param seq the entry's place in the chain, from 1
 * @param atMs when, in epoch milliseconds
 * @param target what was changed within the launch (an item id, a role ...), or ""
 * @param before the value before the change as JSON, or ""
 * @param after the value after the change as JSON, or ""
 * @param prevHash the hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 of the previous hash and this entry's fields
 */
public record AuditEntry(
        long seq,
        long atMs,
        String actor,
        String action,
        Optional<Long> launchId,
        String target,
        String before,
        String after,
        String prevHash,
        String hash) {
    public AuditEntry {
        requireNonNull(actor, "null actor");
        requireNonNull(action, "null action");
        requireNonNull(launchId, "null launchId");
        requireNonNull(target, "null target");
        requireNonNull(before, "null before");
        requireNonNull(after, "null after");
        requireNonNull(prevHash, "null prevHash");
        requireNonNull(hash, "null hash");
    }
}
