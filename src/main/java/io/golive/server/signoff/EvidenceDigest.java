package io.golive.server.signoff;

import io.golive.gate.Evaluation;
import io.golive.gate.ItemResult;
import io.golive.server.audit.AuditChain;

/**
 * The digest of the evidence a sign-off sees: the checklist version's content and the status of every
 * blocking pre-launch item. A sign-off whose digest differs from the current one is stale.
 */
public final class EvidenceDigest {
    private EvidenceDigest() {}

    public static String of(String sourcesDigest, Evaluation e) {
        StringBuilder s = new StringBuilder(sourcesDigest).append('\n');
        for (ItemResult i : e.items()) {
            if (i.item().blocking() && i.phase().gatesLaunch()) {
                s.append(i.item().id()).append('=').append(i.status()).append('\n');
            }
        }
        return AuditChain.sha256Hex(s.toString());
    }
}
