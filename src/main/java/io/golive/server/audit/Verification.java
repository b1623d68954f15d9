package io.golive.server.audit;

import java.util.Optional;

/**
 * The result of checking the audit chain.
 *
 * @param entries how many entries were read
 * @param problem the first break found, when the chain does not verify
 */
public record Verification(boolean verified, long entries, Optional<String> problem) {
    static Verification broken(long entries, String problem) {
        return new Verification(false, entries, Optional.of(problem));
    }
}
