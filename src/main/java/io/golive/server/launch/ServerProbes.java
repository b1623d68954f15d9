package io.golive.server.launch;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import io.golive.probe.ProbeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The probes the server runs. {@code command} and {@code file} read and run things on the server's own
 * machine with the server's rights, so anyone allowed to upload a spec could run programs there:
 * they stay off unless {@code golive.probes.local.enabled=true}. So does {@code load}: it spends the
 * server's own CPU and, by default, targets loopback, where the server's own services listen (the
 * egress policy, which it obeys like every network probe, allows loopback unless told otherwise).
 */
public final class ServerProbes {
    static final Set<String> LOCAL = Set.of("command", "file", "load");

    private ServerProbes() {}

    public static ProbeRegistry registry(ClassLoader loader, boolean localEnabled) {
        ProbeRegistry all = ProbeRegistry.load(loader);
        if (localEnabled) {
            return all;
        }
        List<Probe<?>> probes = new ArrayList<>();
        for (String kind : all.kinds()) {
            Probe<?> p = all.probe(kind).orElseThrow();
            probes.add(LOCAL.contains(kind) ? new Disabled<>(p) : p);
        }
        return new ProbeRegistry(probes);
    }

    static boolean isLocal(String kind) {
        return LOCAL.contains(kind);
    }

    /** A local probe that refuses to run, keeping its configuration type so specs still validate. */
    private record Disabled<C extends ProbeConfig>(Probe<C> probe) implements Probe<C> {
        @Override
        public String kind() {
            return probe.kind();
        }

        @Override
        public Class<C> configType() {
            return probe.configType();
        }

        @Override
        public Observation run(C config, ProbeContext context) {
            return Observation.error(
                    kind() + " probes are disabled on this server (golive.probes.local.enabled=false)");
        }
    }
}
