package io.golive.probe.kube;

import io.fabric8.kubernetes.client.VersionInfo;
import io.golive.checklist.Op;
import io.golive.probe.Observation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API server's version, judged against a least version when there is one (the check's
 * {@code minVersion}, or the bound item's "(1.24+)").
 *
 * @param op how the server's version must compare with {@code limit}
 * @param written the limit as written, for summaries
 */
record VersionCheck(Optional<KubeVersion> limit, Op op, String written) implements KubeCheck {
    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        VersionInfo info = call.run("read the server version", c -> c.getKubernetesVersion());
        Optional<KubeVersion> version = Optional.ofNullable(info)
                .flatMap(
                        i -> KubeVersion.parse(i.getGitVersion()).or(() -> KubeVersion.of(i.getMajor(), i.getMinor())));
        if (version.isEmpty()) {
            return Observation.error("no data: the API server reported no version");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serverVersion", version.get().toString());
        String reported = Optional.ofNullable(info.getGitVersion())
                .filter(g -> !g.isBlank())
                .orElse(version.get().toString());
        if (limit.isEmpty()) {
            return Observation.pass("Kubernetes " + reported, m);
        }
        m.put("minVersion", written);
        int c = version.get().compareTo(limit.get());
        if (op.test(c, 0)) {
            return Observation.pass("Kubernetes " + reported + " (" + op.symbol() + " " + written + ")", m);
        }
        return Observation.fail("Kubernetes " + reported + " is not " + op.symbol() + " " + written, m);
    }
}
