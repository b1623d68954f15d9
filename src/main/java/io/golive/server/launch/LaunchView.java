package io.golive.server.launch;

import io.golive.gate.Evaluation;
import io.golive.server.signoff.SignoffDecision;
import java.util.Map;

/**
 * A launch as the API shows it at one revision: the decision with sign-offs, and its JSON.
 *
 * @param revision the launch's revision it was built from
 * @param validUntil epoch ms when it must be rebuilt even without a change (a due date or a waiver's
 *     expiry passes)
 * @param json the JSON document of {@code GET /api/launches/{id}}
 * @param bytes {@code json} written, served as is while the view is current
 * @param gzip {@code bytes} compressed, for clients that accept gzip
 */
public record LaunchView(
        long launchId,
        String name,
        long revision,
        long validUntil,
        ParsedVersion parsed,
        Evaluation evaluation,
        SignoffDecision.Result signoffs,
        String digest,
        int readiness,
        Map<String, Object> json,
        byte[] bytes,
        byte[] gzip) {
    public String markdown() {
        return parsed.singleMarkdown();
    }
}
