package io.golive.server.rollout;

import io.golive.InputException;
import io.golive.rollout.Control;
import io.golive.server.security.CurrentUser;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A launch's rollout: start it (editors and admins; {@code {"force": true}} admins only), read it, and
 * pause, resume or abort it. Viewers may read; the security configuration refuses them the POSTs.
 */
@RestController
@RequestMapping("/api/launches/{id}/rollout")
class RolloutController {
    private final RolloutService service;

    RolloutController(RolloutService service) {
        this.service = service;
    }

    /** The start request's optional body. */
    record StartRequest(Boolean force) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RolloutResponse start(
            @PathVariable long id, @RequestBody(required = false) StartRequest body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        boolean force = body != null && Boolean.TRUE.equals(body.force());
        return RolloutResponse.of(service.start(user.name(), user.isAdmin(), id, force));
    }

    @GetMapping
    RolloutResponse get(@PathVariable long id) {
        return RolloutResponse.of(service.view(id));
    }

    @PostMapping("/{action}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RolloutResponse act(@PathVariable long id, @PathVariable String action, Authentication auth) {
        String a = action.toLowerCase(Locale.ROOT);
        if (!RolloutService.actions().contains(a)) {
            throw new InputException("unknown rollout action '" + action + "' (use "
                    + String.join(", ", RolloutService.actions()) + ")");
        }
        Control.Request request = Control.Request.valueOf(a.toUpperCase(Locale.ROOT));
        return RolloutResponse.of(service.request(CurrentUser.of(auth).name(), id, request));
    }
}
