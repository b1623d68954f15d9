package io.golive.cli;

import io.golive.egress.Egress;
import io.golive.egress.EgressPolicy;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --egress-allow} and {@code --egress-deny}: the server's egress policy on a person's own
 * machine, for CI that wants the same limits. Without either, checks connect wherever the spec says.
 */
final class EgressOptions {
    @Option(
            names = "--egress-allow",
            paramLabel = "CIDR|HOST,...",
            description = "Connect only to these address blocks and host names (e.g. 10.0.0.0/8,*.staging.example.com);"
                    + " link-local and cloud metadata addresses are then always refused.")
    String allow;

    @Option(
            names = "--egress-deny",
            paramLabel = "CIDR|HOST,...",
            description = "Never connect to these address blocks and host names (deny wins over allow).")
    String deny;

    /** Puts the policy the options describe in force until the handle is closed (nothing when neither is given). */
    Egress.Installed install() {
        if (allow == null && deny == null) {
            return () -> {};
        }
        EgressPolicy policy = EgressPolicy.of(
                allow == null ? "" : allow,
                deny == null ? "" : deny,
                allow != null ? "--egress-allow" : "--egress-deny");
        return Egress.install(policy, Set.of());
    }
}
