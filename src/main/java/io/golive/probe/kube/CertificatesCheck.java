package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.golive.probe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cert-manager Certificates that are issued: condition {@code Ready=True}, and at least
 * {@code minDaysValid} days before {@code notAfter}. An entry {@code ns} stands for every Certificate of
 * that namespace (there must be one).
 */
record CertificatesCheck(List<String> entries, Optional<Integer> minDaysValid) implements KubeCheck {
    static final ResourceDefinitionContext CERTIFICATE = new ResourceDefinitionContext.Builder()
            .withGroup("cert-manager.io")
            .withVersion("v1")
            .withKind("Certificate")
            .withPlural("certificates")
            .withNamespaced(true)
            .build();

    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        // A get answers null both for a missing object and a missing kind: ask discovery whether the kind is served.
        if (!call.run(
                "look up cert-manager's Certificate kind", c -> c.supports("cert-manager.io/v1", "Certificate"))) {
            return notInstalled();
        }
        Findings f = new Findings("certificates", "Ready");
        long fewestDays = Long.MAX_VALUE;
        for (String written : entries) {
            ObjectRef ref = ObjectRef.parse("certificates", written);
            List<GenericKubernetesResource> found;
            try {
                found = read(call, ref);
            } catch (KubeFailure e) {
                if (e.code() == 404) {
                    return notInstalled();
                }
                throw e;
            }
            if (found.isEmpty()) {
                f.wanting(
                        ref.namespace().isPresent()
                                ? ref.shown(call.namespace()) + " does not exist"
                                : "no Certificate in namespace " + ref.name());
            }
            for (GenericKubernetesResource cert : found) {
                String shown = cert.getMetadata().getNamespace() + "/"
                        + cert.getMetadata().getName();
                Optional<Long> days = daysLeft(cert, call.clock().instant());
                if (days.isPresent()) {
                    fewestDays = Math.min(fewestDays, days.get());
                }
                judge(f, shown, cert, days);
            }
        }
        if (fewestDays != Long.MAX_VALUE) {
            f.measure("daysLeft", fewestDays);
        }
        return f.observation();
    }

    private static Observation notInstalled() {
        return Observation.fail(
                "certificates: cert-manager's Certificate kind is not installed (no CRD certificates.cert-manager.io)",
                Map.of("certificatesOk", 0));
    }

    private void judge(Findings f, String shown, GenericKubernetesResource cert, Optional<Long> days) {
        Optional<Map<?, ?>> ready = condition(cert, "Ready");
        if (ready.isEmpty()) {
            f.wanting(shown + " has no Ready condition yet (not issued)");
        } else if (!"True".equals(ready.get().get("status"))) {
            f.wanting(shown + " not Ready: " + ready.get().get("reason") + ": "
                    + ready.get().get("message"));
        } else if (minDaysValid.isPresent() && days.isPresent() && days.get() < minDaysValid.get()) {
            f.wanting(shown + " expires in " + days.get() + " days (< " + minDaysValid.get() + ")");
        } else if (minDaysValid.isPresent() && days.isEmpty()) {
            f.wanting(shown + " is Ready but reports no notAfter to judge its expiry by");
        } else {
            f.ok(shown + days.map(d -> " (" + d + " days left)").orElse(""));
        }
    }

    private static List<GenericKubernetesResource> read(KubeCall call, ObjectRef ref) throws KubeFailure {
        if (ref.namespace().isEmpty()) {
            return call.run(
                    "list certificates in " + ref.name(),
                    c -> c.genericKubernetesResources(CERTIFICATE)
                            .inNamespace(ref.name())
                            .list()
                            .getItems());
        }
        GenericKubernetesResource one = call.run(
                "read certificate " + ref.shown(""),
                c -> c.genericKubernetesResources(CERTIFICATE)
                        .inNamespace(ref.namespace().get())
                        .withName(ref.name())
                        .get());
        return one == null ? List.of() : List.of(one);
    }

    private static Optional<Map<?, ?>> condition(GenericKubernetesResource r, String type) {
        if (!(r.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        return conditions.stream()
                .filter(c -> c instanceof Map<?, ?> m && type.equals(m.get("type")))
                .<Map<?, ?>>map(c -> (Map<?, ?>) c)
                .findFirst();
    }

    private static Optional<Long> daysLeft(GenericKubernetesResource r, Instant now) {
        if (!(r.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("notAfter") instanceof String notAfter)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(now, Instant.parse(notAfter)).toDays());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // an unreadable date is no date: the expiry is then not judged
        }
    }
}
