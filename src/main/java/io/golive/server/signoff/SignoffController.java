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
    SignoffJson sign(@PathVariable long id, @Valid @RequestBody SignoffRequest body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return SignoffJson.of(service.sign(
                user.name(), user.roles(), id, body.role(), body.verdict(), Optional.ofNullable(body.comment())));
    }

    @PostMapping("/waivers")
    @ResponseStatus(HttpStatus.CREATED)
    WaiverJson waive(@PathVariable long id, @Valid @RequestBody WaiverRequest body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return WaiverJson.of(service.waive(user.name(), user.roles(), id, body.item(), body.reason(), body.expires()));
    }

    /** A recorded sign-off as {@code POST /signoffs} answers it. */
    record SignoffJson(long id, String role, String user, String verdict, String comment, String at, String digest) {
        static SignoffJson of(SignoffRow s) {
            return new SignoffJson(
                    s.id(),
                    s.role(),
                    s.user(),
                    s.verdict(),
                    s.comment().orElse(null),
                    Instant.ofEpochMilli(s.atMs()).toString(),
                    s.digest());
        }
    }

    /** A recorded waiver as {@code POST /waivers} answers it. */
    record WaiverJson(long id, String item, String reason, String approver, String expires) {
        static WaiverJson of(WaiverRow w) {
            return new WaiverJson(
                    w.id(),
                    w.itemId(),
                    w.reason(),
                    w.approver(),
                    Instant.ofEpochMilli(w.expiresAt()).toString());
        }
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
