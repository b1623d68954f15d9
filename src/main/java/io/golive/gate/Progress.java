package io.golive.gate;

/** Told as checks finish, to show progress. */
@FunctionalInterface
public interface Progress {
    void finished(CheckResult result, int done, int total, int failures);

    static Progress none() {
        return (r, done, total, failures) -> {};
    }
}
