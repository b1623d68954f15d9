package io.golive.notify;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The SMTP server an e-mail entry sends through; the password is held in memory only, never shown. */
public record Smtp(String host, int port, Optional<String> username, Optional<String> password, boolean starttls) {
    public Smtp {
        requireNonNull(host, "null host");
        requireNonNull(username, "null username");
        requireNonNull(password, "null password");
    }

    @Override
    public String toString() {
        return "smtp " + host + ":" + port + username.map(u -> " as " + u).orElse("") + (starttls ? " (STARTTLS)" : "");
    }
}
