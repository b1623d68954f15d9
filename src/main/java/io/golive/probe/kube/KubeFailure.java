package io.golive.probe.kube;

/**
 * A call to the API server that did not answer what was asked: the reason is for people, and
 * {@link #unreachable} tells whether the server itself is out of reach (then the check stops asking).
 */
final class KubeFailure extends Exception {
    private final boolean unreachable;
    private final int code;

    KubeFailure(String reason, boolean unreachable, int code) {
        super(reason, null, false, false);
        this.unreachable = unreachable;
        this.code = code;
    }

    boolean unreachable() {
        return unreachable;
    }

    /** The HTTP status the server answered, 0 when it answered none. */
    int code() {
        return code;
    }
}
