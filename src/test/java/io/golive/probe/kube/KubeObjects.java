package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.List;
import java.util.Map;

/** Realistic objects as a cluster holds them, for the mock API server. */
final class KubeObjects {
    private KubeObjects() {}

    static Namespace namespace(String name, String phase) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
    }

    /** A Deployment of {@code image} whose controller has seen its spec and reports these replicas. */
    static Deployment deployment(String ns, String name, String image, int desired, int updated, int ready) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withLabels(Map.of("app", name))
                .endMetadata()
                .withNewSpec()
                .withReplicas(desired)
                .withNewSelector()
                .withMatchLabels(Map.of("app", name))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", name))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(name)
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReplicas(updated + Math.max(0, ready - updated))
                .withUpdatedReplicas(updated)
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .endStatus()
                .build();
    }

    /** The CRD of a cert-manager kind, established as the API server marks it once it serves the kind. */
    static CustomResourceDefinition certManagerCrd(String plural, String kind, boolean namespaced) {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + ".cert-manager.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("cert-manager.io")
                .withScope(namespaced ? "Namespaced" : "Cluster")
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase(java.util.Locale.ROOT))
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Established")
                .withStatus("True")
                .withReason("InitialNamesAccepted")
                .endCondition()
                .endStatus()
                .build();
    }

    static List<CustomResourceDefinition> certManagerCrds() {
        return List.of(
                certManagerCrd("certificates", "Certificate", true),
                certManagerCrd("certificaterequests", "CertificateRequest", true),
                certManagerCrd("issuers", "Issuer", true),
                certManagerCrd("clusterissuers", "ClusterIssuer", false));
    }

    /** A cert-manager Certificate with its Ready condition and expiry as cert-manager writes them. */
    static GenericKubernetesResource certificate(
            String ns, String name, boolean ready, String reason, String message, String notAfter) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("cert-manager.io/v1")
                .withKind("Certificate")
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .endMetadata()
                .addToAdditionalProperties(
                        "spec",
                        Map.of(
                                "secretName", name,
                                "dnsNames", List.of("pager.example.com"),
                                "issuerRef", Map.of("name", "letsencrypt", "kind", "ClusterIssuer")))
                .addToAdditionalProperties(
                        "status",
                        Map.of(
                                "conditions",
                                List.of(Map.of(
                                        "type",
                                        "Ready",
                                        "status",
                                        ready ? "True" : "False",
                                        "reason",
                                        reason,
                                        "message",
                                        message)),
                                "notAfter",
                                notAfter))
                .build();
    }

    static HorizontalPodAutoscaler hpa(String name, int min, int max, int current, boolean metrics) {
        var status = new HorizontalPodAutoscalerStatusBuilder()
                .withCurrentReplicas(current)
                .withDesiredReplicas(current);
        if (metrics) {
            status.addNewCurrentMetric()
                    .withType("Resource")
                    .withNewResource()
                    .withName("cpu")
                    .withNewCurrent()
                    .withAverageUtilization(41)
                    .endCurrent()
                    .endResource()
                    .endCurrentMetric()
                    .addNewCondition()
                    .withType("ScalingActive")
                    .withStatus("True")
                    .withReason("ValidMetricFound")
                    .withMessage(
                            "the HPA was able to successfully calculate a replica count from cpu resource utilization")
                    .endCondition();
        } else {
            status.addNewCondition()
                    .withType("ScalingActive")
                    .withStatus("False")
                    .withReason("FailedGetResourceMetric")
                    .withMessage(
                            "the HPA was unable to compute the replica count: unable to get metrics for resource cpu")
                    .endCondition();
        }
        return new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withNamespace("pager")
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withMinReplicas(min)
                .withMaxReplicas(max)
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(name)
                .endScaleTargetRef()
                .endSpec()
                .withStatus(status.build())
                .build();
    }

    static StorageClass storageClass(String name, boolean isDefault) {
        return new StorageClassBuilder()
                .withNewMetadata()
                .withName(name)
                .withAnnotations(isDefault ? Map.of("storageclass.kubernetes.io/is-default-class", "true") : Map.of())
                .endMetadata()
                .withProvisioner("ebs.csi.aws.com")
                .build();
    }

    static Pod pod(String name, String app, String phase, String waiting, int restarts) {
        var state = waiting == null
                ? new ContainerStateBuilder()
                        .withNewRunning()
                        .withStartedAt("2026-12-02T08:00:00Z")
                        .endRunning()
                        .build()
                : new ContainerStateBuilder()
                        .withNewWaiting()
                        .withReason(waiting)
                        .withMessage("back-off")
                        .endWaiting()
                        .build();
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace("pager")
                .withName(name)
                .withLabels(Map.of("app", app))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(app)
                .withImage("pager/" + app + ":2.4.0")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .addNewContainerStatus()
                .withName(app)
                .withImage("pager/" + app + ":2.4.0")
                .withReady(waiting == null)
                .withRestartCount(restarts)
                .withState(state)
                .endContainerStatus()
                .endStatus()
                .build();
    }
}
