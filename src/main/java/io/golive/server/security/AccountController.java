package io.golive.server.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, my own API tokens, and (admins) accounts. */
@RestController
class AccountController {
    private final Accounts accounts;
    private final TransactionTemplate tx;

    AccountController(Accounts accounts, TransactionTemplate tx) {
        this.accounts = accounts;
        this.tx = tx;
    }

    @GetMapping("/api/me")
    CurrentUser me(Authentication auth) {
        return CurrentUser.of(auth);
    }

    /** A new token for the caller, shown in this answer only. */
    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenJson token(@Valid @RequestBody TokenRequest body, Authentication auth) {
        String name = auth.getName();
        String token = tx.execute(s -> accounts.createToken(name, name, body.name()));
        return new TokenJson(name, body.name(), token);
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserJson user(@Valid @RequestBody UserRequest body, Authentication auth) {
        Accounts.User u = tx.execute(s -> {
            Accounts.User added =
                    accounts.addUser(auth.getName(), body.name(), Optional.ofNullable(body.password()), body.roles());
            if (body.email() != null) {
                accounts.setEmail(auth.getName(), body.name(), body.email());
            }
            return added;
        });
        return new UserJson(u.name(), u.roles());
    }

    /** A new token, shown in this answer only. */
    record TokenJson(String user, String name, String token) {}

    /** An account as {@code POST /api/users} answers it: never its password. */
    record UserJson(String name, Set<String> roles) {}

    /** {@code POST /api/tokens}. */
    record TokenRequest(@NotBlank @Size(max = 200) String name) {}

    /** {@code POST /api/users}. */
    record UserRequest(
            @NotBlank @Size(max = 200) String name,

            @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
            String password,

            @NotEmpty List<@NotBlank @Size(max = 200) String> roles,

            @Size(max = 320) String email) {}
}
