package io.golive.load;

/** Receives the progress of a load test, on the thread that called {@link LoadTest#run}. */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);

    /** A listener that ignores progress. */
    static ProgressListener none() {
        return p -> {};
    }
}
