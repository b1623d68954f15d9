package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.golive.probe.Observation;
import java.util.List;
import java.util.Optional;

/**
 * cert-manager is installed and working: its CRDs are established and its deployments (controller,
 * webhook, cainjector) in namespace {@code cert-manager} have rolled out.
 */
record CertManagerCheck() implements KubeCheck {
    static final String NAMESPACE = "cert-manager";
    static final List<String> CRDS = List.of(
            "certificates.cert-manager.io",
            "certificaterequests.cert-manager.io",
            "issuers.cert-manager.io",
            "clusterissuers.cert-manager.io");

    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings("certManager", "installed");
        for (String crd : CRDS) {
            CustomResourceDefinition d = call.run(
                    "read CRD " + crd,
                    c -> c.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .withName(crd)
                            .get());
            if (d == null) {
                f.wanting("CRD " + crd + " is not installed");
            } else if (!established(d)) {
                f.wanting("CRD " + crd + " is not established");
            } else {
                f.ok("CRD " + crd);
            }
        }
        List<Deployment> deployments = call.run(
                "list deployments in " + NAMESPACE,
                c -> c.apps().deployments().inNamespace(NAMESPACE).list().getItems());
        if (deployments.isEmpty()) {
            f.wanting("no deployments in namespace " + NAMESPACE);
        }
        for (Deployment d : deployments) {
            String shown = NAMESPACE + "/" + d.getMetadata().getName();
            Optional<String> why = Rollouts.deployment(d);
            if (why.isPresent()) {
                f.wanting(shown + ": " + why.get());
            } else {
                f.ok(shown);
            }
        }
        return f.observation();
    }

    private static boolean established(CustomResourceDefinition d) {
        return d.getStatus() != null
                && d.getStatus().getConditions() != null
                && d.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
