package io.golive.server.launch;

/**
 * Published inside the transaction that stores a finished evaluation, so that listeners (the
 * notifications) write what follows from it in that same transaction.
 *
 * @param decision the checks' decision of the run, {@code GO} or {@code NO_GO}
 */
public record EvaluationFinished(long launchId, long evaluationId, String decision) {}
