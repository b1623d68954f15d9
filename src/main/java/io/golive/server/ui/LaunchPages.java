package io.golive.server.ui;

import io.golive.server.launch.LaunchView;
import io.golive.server.launch.LaunchViews;
import io.golive.server.security.CurrentUser;
import io.golive.server.security.Roles;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A launch's timeline (items by their offset from T-0, with due dates and progress, editable by
 * editors) and its Go/No-Go criteria. Edits go to {@code PATCH /api/launches/{id}/items}, the one
 * place that changes an item.
 */
@Controller
class LaunchPages {
    private final LaunchViews views;
    private final Clock clock;

    LaunchPages(LaunchViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/launches/{id}/timeline")
    String timeline(@PathVariable long id, Model model, Authentication auth) {
        fillTimeline(id, model, auth);
        model.addAttribute("user", auth.getName());
        model.addAttribute("tab", "timeline");
        return "timeline";
    }

    /** The timeline alone, for htmx to refresh in place after an edit. */
    @GetMapping("/launches/{id}/timeline/items")
    String timelineItems(@PathVariable long id, Model model, Authentication auth) {
        fillTimeline(id, model, auth);
        return "timeline :: items";
    }

    @GetMapping("/launches/{id}/criteria")
    String criteria(@PathVariable long id, Model model, Authentication auth) {
        LaunchView v = views.view(id);
        model.addAttribute("view", v);
        model.addAttribute("criteria", CriteriaTable.of(v.json()));
        model.addAttribute("user", auth.getName());
        model.addAttribute("tab", "criteria");
        return "criteria";
    }

    /** Whether the user may change the launch's items (the API refuses everyone else with 403). */
    static boolean mayEdit(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return user.roles().contains(Roles.ADMIN) || user.roles().contains(Roles.EDITOR);
    }

    private void fillTimeline(long id, Model model, Authentication auth) {
        LaunchView v = views.view(id);
        ReadableTime time = ReadableTime.of(v, clock);
        model.addAttribute("view", v);
        model.addAttribute("timeline", Timeline.of(v, time));
        model.addAttribute("editor", mayEdit(auth));
    }
}
