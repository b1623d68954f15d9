package io.golive.probe;

import static java.util.Objects.requireNonNull;

/**
 * What a probe can answer: {@code PASS}, {@code FAIL} (found wanting) or {@code ERROR} (could not
 * run). The other statuses of {@link Status} belong to items and criteria, never to a probe.
 */
public enum ProbeVerdict {
    PASS,
    ERROR,
    FAIL;

    /** The verdict of a status; throws for a status no probe may return (PENDING, DONE ...). */
    public static ProbeVerdict of(Status status) {
        requireNonNull(status, "null status");
        return switch (status) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case ERROR -> ERROR;
            default -> throw new IllegalArgumentException("a probe answers PASS, FAIL or ERROR, not " + status);
        };
    }

    /**
     * The worse of two verdicts, the one ordering used everywhere: FAIL (the target was found wanting)
     * over ERROR (it could not be checked) over PASS.
     */
    public static ProbeVerdict worse(ProbeVerdict a, ProbeVerdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The status an item or criterion takes from this verdict. */
    public Status status() {
        return Status.valueOf(name());
    }
}
