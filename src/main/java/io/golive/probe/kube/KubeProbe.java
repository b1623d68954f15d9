package io.golive.probe.kube;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import io.golive.checklist.Units;
import io.golive.probe.Observation;
import io.golive.probe.Observations;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code kubernetes} probe: reads the cluster through its API server (one client per cluster and
 * credentials, shared by a run's checks) and makes the verifications its config asks for.
 */
public final class KubeProbe implements Probe<KubeConfig> {
    private static final KubeClients SHARED = KubeClients.shared();
    private static final Pattern VERSION_TEXT = Pattern.compile("\\d+(\\.\\d+)+");

    private final KubeClients clients;
    private final KubeEnv env;

    /** The probe with the JVM-wide clients and the process's environment. */
    public KubeProbe() {
        this(SHARED, KubeEnv.system());
    }

    KubeProbe(KubeClients clients, KubeEnv env) {
        this.clients = requireNonNull(clients, "null clients");
        this.env = requireNonNull(env, "null env");
    }

    static KubeClients sharedClients() {
        return SHARED;
    }

    @Override
    public String kind() {
        return "kubernetes";
    }

    @Override
    public Class<KubeConfig> configType() {
        return KubeConfig.class;
    }

    @Override
    public Observation run(KubeConfig config, ProbeContext context) {
        requireNonNull(config, "null config");
        requireNonNull(context, "null context");
        KubeTarget target;
        KubeTarget.Loaded loaded;
        KubeClients.Lease lease;
        try {
            target = KubeTarget.resolve(config, context, env);
            loaded = target.load(env);
            lease = clients.client(loaded);
        } catch (IllegalArgumentException e) {
            return Observation.error(e.getMessage());
        } catch (RuntimeException e) {
            // The client refuses the configuration (an unreadable certificate, say); its message may quote it.
            return Observation.error("cannot make a Kubernetes client from " + where(config) + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        String server = loaded.config().getMasterUrl();
        KubeCall call = new KubeCall(lease.client(), context, server, loaded.namespace(target.namespace()));
        Observation o = runAll(checks(config, context), call)
                .withEvidence("kubeconfig", loaded.display())
                .withEvidence("namespace", call.namespace())
                .withEvidence("client", lease.describe());
        return masked(o, loaded.credentials(), server, call.calls());
    }

    private static Observation runAll(List<KubeCheck> checks, KubeCall call) {
        List<Observation> parts = new ArrayList<>();
        for (KubeCheck check : checks) {
            try {
                parts.add(check.run(call));
            } catch (KubeFailure f) {
                parts.add(Observation.error(f.getMessage()));
                if (f.unreachable()) {
                    break; // the next verifications would only repeat that the server is out of reach
                }
            } catch (RuntimeException e) {
                parts.add(Observation.error(
                        "unreadable answer from the API server (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return Observations.combine(parts);
    }

    /** The verifications the config asks for; none means: read the server's version. */
    static List<KubeCheck> checks(KubeConfig c, ProbeContext context) {
        List<KubeCheck> out = new ArrayList<>();
        version(c, context).ifPresent(out::add);
        if (!c.namespaces().isEmpty()) {
            out.add(new NamespacesCheck(c.namespaces()));
        }
        if (!c.deployments().isEmpty()) {
            out.add(new WorkloadsCheck(WorkloadsCheck.Kind.DEPLOYMENTS, c.deployments()));
        }
        if (!c.statefulSets().isEmpty()) {
            out.add(new WorkloadsCheck(WorkloadsCheck.Kind.STATEFUL_SETS, c.statefulSets()));
        }
        if (!c.daemonSets().isEmpty()) {
            out.add(new WorkloadsCheck(WorkloadsCheck.Kind.DAEMON_SETS, c.daemonSets()));
        }
        if (!c.hpa().isEmpty()) {
            out.add(new HpaCheck(c.hpa()));
        }
        if (!c.ingress().isEmpty()) {
            out.add(new IngressCheck(c.ingress()));
        }
        if (c.ingressClass() != null || c.defaultIngressClass()) {
            out.add(new IngressClassCheck(Optional.ofNullable(c.ingressClass()), c.defaultIngressClass()));
        }
        if (c.certManager()) {
            out.add(new CertManagerCheck());
        }
        if (!c.certificates().isEmpty()) {
            out.add(new CertificatesCheck(c.certificates(), Optional.ofNullable(c.minDaysValid())));
        }
        if (!c.storageClasses().isEmpty() || c.defaultStorageClass()) {
            out.add(new StorageClassesCheck(c.storageClasses(), c.defaultStorageClass()));
        }
        if (!c.networkPolicies().isEmpty()) {
            out.add(new NetworkPoliciesCheck(c.networkPolicies()));
        }
        Map<AccessRequest, Boolean> can = c.accessRequests();
        if (!can.isEmpty()) {
            out.add(new AccessCheck(can));
        }
        if (!c.pods().isEmpty()) {
            out.add(new PodsCheck(c.pods(), Optional.ofNullable(c.maxRestarts())));
        }
        if (out.isEmpty()) {
            out.add(new VersionCheck(Optional.empty(), Op.GE, ""));
        }
        return out;
    }

    /** The check's minVersion, else the bound item's version threshold ("(1.24+)"), if either is given. */
    private static Optional<KubeCheck> version(KubeConfig c, ProbeContext context) {
        if (c.minVersion() != null) {
            String written = c.minVersion().strip();
            return Optional.of(new VersionCheck(KubeVersion.parse(written), Op.GE, written.replaceFirst("^v", "")));
        }
        return context.inherited().stream()
                .filter(t -> t.unit().filter("version"::equals).isPresent())
                .findFirst()
                .map(t -> {
                    String written = written(t);
                    return new VersionCheck(KubeVersion.parse(written), t.op(), written);
                });
    }

    /** The version as the item wrote it: "1.10+" is read as the number 1.1, so the text is the truth. */
    private static String written(Threshold t) {
        Matcher m = VERSION_TEXT.matcher(t.text());
        return m.find() ? m.group() : Units.format(t.value(), "");
    }

    private static Observation masked(Observation o, List<String> credentials, String server, int calls) {
        Map<String, Object> m = new LinkedHashMap<>(o.measurements());
        m.put("requests", calls);
        Observation out = new Observation(o.status(), o.summary(), m, o.evidence());
        for (String secret : credentials) {
            out = Observations.masked(out, secret, server);
        }
        return out.withEvidence("server", server);
    }

    private static String where(KubeConfig c) {
        return c.target()
                .map(t -> "target " + t)
                .orElse(c.kubeconfig() == null ? "the default kubeconfig" : c.kubeconfig());
    }
}
