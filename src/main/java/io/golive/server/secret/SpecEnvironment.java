package io.golive.server.secret;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code ${NAME}} in a spec reads on the server: the process environment, with the stored
 * secrets over it (a stored secret wins, so an admin can rotate one without restarting the server).
 */
public final class SpecEnvironment implements Supplier<Map<String, String>> {
    private final Map<String, String> process;
    private final SecretStore secrets;

    public SpecEnvironment(Map<String, String> process, SecretStore secrets) {
        this.process = Map.copyOf(process);
        this.secrets = secrets;
    }

    @Override
    public Map<String, String> get() {
        Map<String, String> all = new HashMap<>(process);
        all.putAll(secrets.opened());
        return all;
    }
}
