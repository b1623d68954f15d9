package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.golive.probe.Observation;
import java.util.Map;
import java.util.Optional;

/**
 * RBAC as the identity in use has it: for each request a SelfSubjectAccessReview (what
 * {@code kubectl auth can-i} asks), whose answer must be the one expected: allowed, or denied for
 * what a low-privilege identity must not do.
 */
record AccessCheck(Map<AccessRequest, Boolean> expected) implements KubeCheck {
    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings("can", "as expected");
        for (Map.Entry<AccessRequest, Boolean> e : expected.entrySet()) {
            AccessRequest r = e.getKey();
            Optional<String> ns = r.namespaceOr(call.namespace());
            String shown = r.verb() + " " + r.resource() + (r.group().isEmpty() ? "" : "." + r.group())
                    + r.subresource().map(s -> "/" + s).orElse("")
                    + r.name().map(n -> " " + n).orElse("")
                    + ns.map(n -> " in " + n).orElse(r.allNamespaces() ? " in all namespaces" : "");
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withResourceAttributes(new ResourceAttributesBuilder()
                            .withVerb(r.verb())
                            .withGroup(r.group())
                            .withResource(r.resource())
                            .withSubresource(r.subresource().orElse(null))
                            .withName(r.name().orElse(null))
                            .withNamespace(ns.orElse(null))
                            .build())
                    .endSpec()
                    .build();
            SelfSubjectAccessReview answer = call.run(
                    "review access to " + shown,
                    c -> c.authorization().v1().selfSubjectAccessReview().create(review));
            SubjectAccessReviewStatus s = answer == null ? null : answer.getStatus();
            if (s == null || s.getAllowed() == null) {
                return Observation.error("no data: the API server answered the access review of '" + r.written()
                        + "' without a decision");
            }
            boolean allowed = s.getAllowed();
            String why = s.getReason() == null || s.getReason().isBlank() ? "" : " (" + s.getReason() + ")";
            if (allowed == e.getValue()) {
                f.ok((allowed ? "may " : "may not ") + shown);
            } else if (e.getValue()) {
                f.wanting("may not " + shown + why);
            } else {
                f.wanting("may " + shown + ", expected denied" + why);
            }
        }
        return f.observation();
    }
}
