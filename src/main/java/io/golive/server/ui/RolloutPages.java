package io.golive.server.ui;

import io.golive.server.launch.LaunchView;
import io.golive.server.launch.LaunchViews;
import io.golive.server.rollout.RolloutService;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The launch's rollout page: steps, hold, one chart per metric, events; htmx refreshes it while it runs. */
@Controller
class RolloutPages {
    private final LaunchViews views;
    private final RolloutService rollouts;
    private final Clock clock;

    RolloutPages(LaunchViews views, RolloutService rollouts, Clock clock) {
        this.views = views;
        this.rollouts = rollouts;
        this.clock = clock;
    }

    @GetMapping("/launches/{id}/rollout")
    String page(@PathVariable long id, Model model, Authentication auth) {
        fill(id, model, auth);
        model.addAttribute("user", auth.getName());
        model.addAttribute("tab", "rollout");
        return "rollout";
    }

    /** The rollout's state alone, for htmx to poll every few seconds while it runs. */
    @GetMapping("/launches/{id}/rollout/live")
    String live(@PathVariable long id, Model model, Authentication auth) {
        fill(id, model, auth);
        return "rollout :: live";
    }

    private void fill(long id, Model model, Authentication auth) {
        LaunchView v = views.view(id);
        ReadableTime time = ReadableTime.of(v, clock);
        model.addAttribute("view", v);
        model.addAttribute("zone", time.zoneName());
        model.addAttribute(
                "rollout", rollouts.find(id).map(r -> RolloutPage.of(r, time)).orElse(null));
        model.addAttribute("editor", LaunchPages.mayEdit(auth));
    }
}
