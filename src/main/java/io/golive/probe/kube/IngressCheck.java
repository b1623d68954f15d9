package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.golive.probe.Observation;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Ingresses that exist and have an address: an ingress controller has admitted them. */
record IngressCheck(List<String> names) implements KubeCheck {
    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings("ingress", "admitted");
        for (String written : names) {
            ObjectRef ref = ObjectRef.parse("ingress", written);
            String shown = ref.shown(call.namespace());
            Ingress i = call.run(
                    "read ingress " + shown,
                    c -> c.network()
                            .v1()
                            .ingresses()
                            .inNamespace(ref.namespaceOr(call.namespace()))
                            .withName(ref.name())
                            .get());
            if (i == null) {
                f.wanting(shown + " does not exist");
                continue;
            }
            List<String> addresses = i.getStatus() == null || i.getStatus().getLoadBalancer() == null
                    ? List.of()
                    : Stream.ofNullable(i.getStatus().getLoadBalancer().getIngress())
                            .flatMap(List::stream)
                            .map(IngressCheck::address)
                            .filter(Objects::nonNull)
                            .toList();
            if (addresses.isEmpty()) {
                f.wanting(shown + " has no address (no ingress controller has admitted it)");
            } else {
                f.ok(shown + " at " + String.join(", ", addresses));
                if (names.size() == 1) {
                    f.measure("ingressAddress", addresses.getFirst());
                }
            }
        }
        return f.observation();
    }

    private static String address(IngressLoadBalancerIngress lb) {
        return lb.getIp() != null && !lb.getIp().isBlank() ? lb.getIp() : lb.getHostname();
    }
}
