package io.golive.probe.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeConfigTest {
    @Test
    void everyProblemIsNamedWithItsKey() {
        KubeConfig c = KubeRunner.config(Map.of(
                "minVersion", "latest",
                "deployments", List.of("pager/Api", "a/b/c"),
                "namespaces", List.of("ok", "Not_OK"),
                "minDaysValid", 14,
                "pods", List.of("pager/"),
                "can", List.of("everything")));
        assertThat(c.validate())
                .containsExactly(
                        "minVersion: 'latest' is not a version (write it like 1.24)",
                        "namespaces: 'Not_OK' is not a name (lower case letters, digits, '-' and '.')",
                        "deployments: 'pager/Api' is not a name (write NAMESPACE/NAME or NAME, lower case)",
                        "deployments: 'a/b/c' is not a name (write NAMESPACE/NAME or NAME, lower case)",
                        "minDaysValid needs certificates and must be 0 or more",
                        "pods: 'pager/' is not a namespace or NAMESPACE/SELECTOR (write pager or pager/app=pager-api)",
                        "can: 'everything' is not a request (write it like \"create deployments -n pager\" or \"get secrets\")");
    }

    @Test
    void aSingleNameStandsForAList() {
        KubeConfig c = KubeRunner.config(Map.of("namespaces", "pager", "deployments", "pager/api"));
        assertThat(c.namespaces()).containsExactly("pager");
        assertThat(c.deployments()).containsExactly("pager/api");
        assertThat(c.validate()).isEmpty();
    }

    @Test
    void canTakesAListOrAMappingToTheExpectedAnswer() {
        KubeConfig c = KubeRunner.config(Map.of("can", Map.of("get secrets -n pager", false)));
        AccessRequest r = c.accessRequests().keySet().iterator().next();
        assertThat(c.accessRequests()).containsValue(false);
        assertThat(r.verb()).isEqualTo("get");
        assertThat(r.resource()).isEqualTo("secrets");
        assertThat(r.namespace()).contains("pager");
        assertThat(KubeRunner.config(Map.of("can", Map.of("get secrets", "no"))).validate())
                .containsExactly("can: 'get secrets': expected true (allowed) or false (denied), got 'no'");
    }

    @Test
    void accessRequestsReadLikeKubectlAuthCanI() {
        AccessRequest r = AccessRequest.parse("create deploy -n pager");
        assertThat(r.group()).isEqualTo("apps");
        assertThat(r.resource()).isEqualTo("deployments");
        AccessRequest log = AccessRequest.parse("get pods/log api-0 --namespace=pager");
        assertThat(log.subresource()).contains("log");
        assertThat(log.name()).contains("api-0");
        assertThat(AccessRequest.parse("list namespaces").namespaceOr("pager")).isEmpty();
        assertThat(AccessRequest.parse("list pods -A").namespaceOr("pager")).isEmpty();
        assertThat(AccessRequest.parse("list pods").namespaceOr("pager")).contains("pager");
        assertThatThrownBy(() -> AccessRequest.parse("-n pager")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionsCompareByNumberNotByText() {
        assertThat(KubeVersion.parse("v1.10.2-eks-a5565ad").orElseThrow())
                .isGreaterThan(KubeVersion.parse("1.9").orElseThrow());
        assertThat(KubeVersion.of("1", "23+")).contains(new KubeVersion(1, 23, 0));
        assertThat(KubeVersion.parse("latest")).isEqualTo(Optional.empty());
    }
}
