package io.golive.server.launch;

import io.golive.NotFoundException;
import io.golive.server.store.EvaluationStore;
import io.golive.server.store.EvaluationStore.Run;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs a launch's checks now (202 with the run's id) and shows the progress and history of runs. */
@RestController
@RequestMapping("/api/launches/{id}/evaluations")
class EvaluationController {
    private final EvaluationRunner runner;
    private final EvaluationStore evaluations;
    private final LaunchViews views;

    EvaluationController(EvaluationRunner runner, EvaluationStore evaluations, LaunchViews views) {
        this.runner = runner;
        this.evaluations = evaluations;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> start(@PathVariable long id, Authentication auth) {
        long run = runner.start(LaunchController.user(auth), id, "manual", Optional.empty());
        return ResponseEntity.accepted()
                .location(URI.create("/api/launches/" + id + "/evaluations/" + run))
                .body(Map.of("evaluationId", run));
    }

    @GetMapping
    List<Map<String, Object>> list(@PathVariable long id) {
        views.view(id);
        return evaluations.runs(id).stream().map(EvaluationController::json).toList();
    }

    @GetMapping("/{evaluationId}")
    Map<String, Object> get(@PathVariable long id, @PathVariable long evaluationId) {
        Run r = evaluations
                .run(id, evaluationId)
                .orElseThrow(() -> new NotFoundException("launch " + id + " has no evaluation " + evaluationId));
        Map<String, Object> m = json(r);
        if (r.status().equals("DONE")) {
            m.put(
                    "checks",
                    evaluations.results(evaluationId).stream()
                            .map(c -> {
                                Map<String, Object> x = new LinkedHashMap<>();
                                x.put("name", c.name());
                                x.put("type", c.type());
                                x.put("item", c.itemId().orElse(null));
                                x.put("status", c.observation().status().name());
                                x.put("summary", c.observation().summary());
                                x.put("measurements", c.observation().measurements());
                                x.put("durationMs", c.durationMs());
                                return x;
                            })
                            .toList());
        }
        return m;
    }

    static Map<String, Object> json(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("evaluationId", r.id());
        m.put("status", r.status());
        m.put("trigger", r.trigger());
        m.put("version", r.version());
        m.put("total", r.total());
        m.put("done", r.done());
        m.put("decision", r.decision().orElse(null));
        m.put("message", r.message().orElse(null));
        m.put("requestedBy", r.requestedBy());
        m.put("startedAt", Instant.ofEpochMilli(r.startedAt()).toString());
        m.put(
                "finishedAt",
                r.finishedAt().map(f -> Instant.ofEpochMilli(f).toString()).orElse(null));
        return m;
    }
}
