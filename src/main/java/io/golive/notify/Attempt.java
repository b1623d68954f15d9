package io.golive.notify;

import static java.util.Objects.requireNonNull;

/**
 * The result of one try to deliver.
 *
 * @param retry whether another try may succeed (a 5xx or a timeout may; a refusal by the egress policy
 *     or a 404 will not)
 * @param error why it failed, no secret in it; empty when sent
 */
record Attempt(boolean sent, boolean retry, String error) {
    Attempt {
        requireNonNull(error, "null error");
    }

    static Attempt ok() {
        return new Attempt(true, false, "");
    }

    static Attempt again(String error) {
        return new Attempt(false, true, error);
    }

    static Attempt never(String error) {
        return new Attempt(false, false, error);
    }
}
