package io.golive.server.launch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.golive.gate.CheckResult;
import io.golive.server.store.EvaluationStore.Run;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An evaluation run as the API shows it, the same in the launch document ({@code evaluation}) and at
 * {@code /evaluations}; {@code checks} is there only for one finished run asked for by its id.
 */
record EvaluationJson(
        long evaluationId,
        String status,
        String trigger,
        int version,
        int total,
        int done,
        String decision,
        String message,
        String requestedBy,
        String startedAt,
        String finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CheckResultJson> checks) {

    /** One check's result in a finished run. */
    record CheckResultJson(
            String name,
            String type,
            String item,
            String status,
            String summary,
            Map<String, Object> measurements,
            long durationMs) {
        static CheckResultJson of(CheckResult c) {
            return new CheckResultJson(
                    c.name(),
                    c.type(),
                    c.itemId().orElse(null),
                    c.observation().status().name(),
                    c.observation().summary(),
                    c.observation().measurements(),
                    c.durationMs());
        }
    }

    static EvaluationJson of(Run r) {
        return of(r, null);
    }

    /** The run with its checks' results when it is DONE (a running or failed one has none to show). */
    static EvaluationJson of(LaunchViews.Evaluated e) {
        boolean done = e.run().status().equals("DONE");
        return of(e.run(), done ? e.results().stream().map(CheckResultJson::of).toList() : null);
    }

    private static EvaluationJson of(Run r, List<CheckResultJson> checks) {
        return new EvaluationJson(
                r.id(),
                r.status(),
                r.trigger(),
                r.version(),
                r.total(),
                r.done(),
                r.decision().orElse(null),
                r.message().orElse(null),
                r.requestedBy(),
                Instant.ofEpochMilli(r.startedAt()).toString(),
                r.finishedAt().map(f -> Instant.ofEpochMilli(f).toString()).orElse(null),
                checks);
    }
}
