package io.golive.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {
    private static final String SETTING = "golive.egress.allow";

    private static InetAddress ip(String literal) {
        return Cidr.Literals.address(literal).orElseThrow();
    }

    @Test
    void defaultPolicyDeniesLinkLocalAndMetadataOnly() {
        EgressPolicy p = EgressPolicy.of("", "", SETTING);
        assertThat(p.refusal("169.254.169.254", ip("169.254.169.254")))
                .contains("egress to 169.254.169.254 is not allowed on this server (golive.egress.allow)");
        assertThat(p.refusal("x", ip("169.254.10.1"))).isPresent();
        assertThat(p.refusal("x", ip("fe80::1"))).isPresent();
        assertThat(p.refusal("x", ip("fd00:ec2::254"))).isPresent();
        assertThat(p.refusalOfName("Metadata.Google.Internal.")).isPresent();
        assertThat(p.refusal("api.example.com", ip("10.1.2.3"))).isEmpty();
        assertThat(p.refusal("localhost", ip("127.0.0.1"))).isEmpty();
        assertThat(p.refusal("localhost", ip("::1"))).isEmpty();
    }

    @Test
    void allowListAdmitsOnlyItsBlocksAndNames() {
        EgressPolicy p = EgressPolicy.of("127.0.0.1/32, 10.0.0.0/8, *.staging.example.com", "", SETTING);
        assertThat(p.refusal("127.0.0.1", ip("127.0.0.1"))).isEmpty();
        assertThat(p.refusal("127.0.0.2", ip("127.0.0.2")))
                .contains("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
        assertThat(p.refusal("db", ip("10.200.0.9"))).isEmpty();
        assertThat(p.refusal("api.staging.example.com", ip("203.0.113.7"))).isEmpty();
        assertThat(p.refusal("staging.example.com.evil.org", ip("203.0.113.7"))).isPresent();
        // a name the admin allowed still never reaches the metadata service
        assertThat(p.refusal("api.staging.example.com", ip("169.254.169.254"))).isPresent();
    }

    @Test
    void denyWinsOverAllow() {
        EgressPolicy p = EgressPolicy.of("127.0.0.0/8", "127.0.0.3/32, internal.example.com", SETTING);
        assertThat(p.refusal("a", ip("127.0.0.2"))).isEmpty();
        assertThat(p.refusal("a", ip("127.0.0.3"))).isPresent();
        assertThat(p.refusalOfLiteral("internal.example.com")).isPresent();
    }

    @Test
    void cidrMatchesPartialBytesAndBothFamilies() {
        assertThat(Cidr.of("10.128.0.0/9").contains(ip("10.200.1.1"))).isTrue();
        assertThat(Cidr.of("10.128.0.0/9").contains(ip("10.127.1.1"))).isFalse();
        assertThat(Cidr.of("::1/128").contains(ip("::1"))).isTrue();
        assertThat(Cidr.of("::1/128").contains(ip("127.0.0.1"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("example.com")).isEmpty();
    }

    @Test
    void everyBadEntryIsNamed() {
        assertThatThrownBy(() -> EgressPolicy.of("10.0.0.0/99, http://x/, ok.example.com", "a b", SETTING))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems())
                        .hasSize(3)
                        .anyMatch(m -> m.contains("\"10.0.0.0/99\""))
                        .anyMatch(m -> m.contains("\"http://x/\""))
                        .anyMatch(m -> m.contains("\"a b\"")));
    }

    @Test
    void unrestrictedAllowsEverything() {
        EgressPolicy p = EgressPolicy.unrestricted();
        assertThat(p.refusal("169.254.169.254", ip("169.254.169.254"))).isEmpty();
        assertThat(p.refusalOfName("metadata.google.internal")).isEmpty();
    }

    @Test
    void theJvmResolverHidesDeniedAddresses() throws Exception {
        try (var lookup = Egress.useLookupForTests(h -> switch (h) {
                    case "only-denied.egress.test" -> Optional.of(List.of(ip("127.0.0.2")));
                    case "mixed.egress.test" -> Optional.of(List.of(ip("127.0.0.2"), ip("127.0.0.1")));
                    default -> Optional.empty();
                });
                var policy = Egress.install(EgressPolicy.of("127.0.0.1/32", "", SETTING), java.util.Set.of())) {
            assertThatThrownBy(() -> InetAddress.getAllByName("only-denied.egress.test"))
                    .isInstanceOf(UnknownHostException.class);
            assertThat(InetAddress.getAllByName("mixed.egress.test")).containsExactly(ip("127.0.0.1"));
            assertThat(Egress.refusal("only-denied.egress.test"))
                    .contains("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
            assertThat(Egress.resolve("mixed.egress.test")).containsExactly(ip("127.0.0.1"));
        }
        assertThat(Egress.policy().restricted()).isFalse();
    }
}
