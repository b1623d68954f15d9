package io.golive.server.signoff;

import io.golive.server.security.CurrentUser;
import io.golive.server.signoff.SignoffStore.SignoffRow;
import io.golive.server.signoff.SignoffStore.WaiverRow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-offs (APPROVE or REJECT by a role's holder) and waivers of items. */
@RestController
@RequestMapping("/api/launches/{id}")
class SignoffController {
    private final SignoffService service;

    SignoffController(SignoffService service) {
        this.service = service;
    }

    @PostMapping("/signoffs")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> sign(@PathVariable long id, @Valid @RequestBody SignoffRequest body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        SignoffRow s = service.sign(
                user.name(), user.roles(), id, body.role(), body.verdict(), Optional.ofNullable(body.comment()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("role", s.role());
        m.put("user", s.user());
        m.put("verdict", s.verdict());
        m.put("comment", s.comment().orElse(null));
        m.put("at", Instant.ofEpochMilli(s.atMs()).toString());
        m.put("digest", s.digest());
        return m;
    }

    @PostMapping("/waivers")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> waive(@PathVariable long id, @Valid @RequestBody WaiverRequest body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        WaiverRow w = service.waive(user.name(), user.roles(), id, body.item(), body.reason(), body.expires());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("item", w.itemId());
        m.put("reason", w.reason());
        m.put("approver", w.approver());
        m.put("expires", Instant.ofEpochMilli(w.expiresAt()).toString());
        return m;
    }

    /** {@code POST /api/launches/{id}/signoffs}. */
    record SignoffRequest(
            @NotBlank @Size(max = 200) String role,

            @NotNull @Pattern(regexp = "APPROVE|REJECT", message = "must be APPROVE or REJECT")
            String verdict,

            @Size(max = 4000) String comment) {}

    /** {@code POST /api/launches/{id}/waivers}. */
    record WaiverRequest(
            @NotBlank @Size(max = 500) String item,
            @NotBlank @Size(max = 4000) String reason,
            @NotNull Instant expires) {}
}
