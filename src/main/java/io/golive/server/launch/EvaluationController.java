package io.golive.server.launch;

import java.net.URI;
import java.util.List;
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
    private final LaunchViews views;

    EvaluationController(EvaluationRunner runner, LaunchViews views) {
        this.runner = runner;
        this.views = views;
    }

    /** The run's id, under the name DESIGN.md gives it, and where to follow its progress. */
    record EvaluationStarted(long evaluationId) {}

    @PostMapping
    ResponseEntity<EvaluationStarted> start(@PathVariable long id, Authentication auth) {
        long run = runner.start(LaunchController.user(auth), id, "manual", Optional.empty());
        return ResponseEntity.accepted()
                .location(URI.create("/api/launches/" + id + "/evaluations/" + run))
                .body(new EvaluationStarted(run));
    }

    @GetMapping
    List<EvaluationJson> list(@PathVariable long id) {
        return views.evaluations(id).stream().map(EvaluationJson::of).toList();
    }

    @GetMapping("/{evaluationId}")
    EvaluationJson get(@PathVariable long id, @PathVariable long evaluationId) {
        return EvaluationJson.of(views.evaluation(id, evaluationId));
    }
}
