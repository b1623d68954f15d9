package io.golive.server.secret;

import io.golive.NotFoundException;
import io.golive.server.secret.SecretStore.SecretInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Stored secrets for {@code ${NAME}} in specs (admins only): set, replace, list names, remove. */
@RestController
class SecretController {
    private final SecretStore secrets;
    private final TransactionTemplate tx;

    SecretController(SecretStore secrets, TransactionTemplate tx) {
        this.secrets = secrets;
        this.tx = tx;
    }

    @GetMapping("/api/secrets")
    List<SecretInfo> list() {
        return secrets.list();
    }

    /** Stores the value sealed; the answer, the audit log and the list never show it again. */
    @PutMapping("/api/secrets/{name}")
    SecretInfo put(@PathVariable String name, @Valid @RequestBody SecretRequest body, Authentication auth) {
        return tx.execute(s -> secrets.put(auth.getName(), name, body.value()));
    }

    @DeleteMapping("/api/secrets/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, Authentication auth) {
        if (!Boolean.TRUE.equals(tx.execute(s -> secrets.delete(auth.getName(), name)))) {
            throw new NotFoundException("no secret " + name);
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code PUT /api/secrets/{name}}. */
    record SecretRequest(@NotEmpty @Size(max = 8192) String value) {}
}
