package io.golive.server.ui;

import io.golive.server.launch.LaunchView;
import io.golive.server.launch.LaunchViews;
import io.golive.server.security.CurrentUser;
import io.golive.server.security.Roles;
import io.golive.server.signoff.SignoffDecision;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The server-rendered pages: login, the list of launches, a launch with its decision and items. */
@Controller
class UiController {
    private final LaunchViews views;
    private final LaunchStore launches;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final Clock clock;

    UiController(
            LaunchViews views, LaunchStore launches, ObjectProvider<ClientRegistrationRepository> oidc, Clock clock) {
        this.views = views;
        this.launches = launches;
        this.oidc = oidc;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", oidc.getIfAvailable() != null);
        return "login";
    }

    @GetMapping("/")
    String index(Model model, Authentication auth) {
        List<LaunchView> all =
                launches.all().stream().map(l -> views.view(l.id())).toList();
        model.addAttribute("launches", all);
        model.addAttribute("user", auth.getName());
        return "index";
    }

    @GetMapping("/launches/{id}")
    String launch(@PathVariable long id, Model model, Authentication auth) {
        LaunchView v = fill(id, model);
        model.addAttribute("user", auth.getName());
        model.addAttribute("mine", rolesToSign(v, CurrentUser.of(auth)));
        return "launch";
    }

    /** The decision and items alone, for htmx to refresh in place. */
    @GetMapping("/launches/{id}/status")
    String status(@PathVariable long id, Model model) {
        fill(id, model);
        return "launch :: status";
    }

    /** The sign-off roles of this launch the user holds, so the page offers them to sign. */
    static List<String> rolesToSign(LaunchView v, CurrentUser user) {
        return SignoffDecision.requiredRoles(v.evaluation()).stream()
                .filter(r -> user.roles().stream().anyMatch(u -> Roles.same(u, r)))
                .toList();
    }

    private LaunchView fill(long id, Model model) {
        LaunchView v = views.view(id);
        model.addAttribute("view", v);
        model.addAttribute("json", v.json());
        model.addAttribute("items", v.json().get("items"));
        model.addAttribute("signoffs", v.json().get("signoffs"));
        model.addAttribute("evaluation", v.json().getOrDefault("evaluation", Map.of()));
        model.addAttribute("criteria", CriteriaTable.of(v.json()));
        model.addAttribute("time", ReadableTime.of(v, clock));
        model.addAttribute("tab", "overview");
        return v;
    }
}
