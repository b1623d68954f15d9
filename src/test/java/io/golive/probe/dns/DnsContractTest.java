package io.golive.probe.dns;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The dns probe keeps the contract: a name with no address is never a pass. */
class DnsContractTest extends ProbeContractTest<DnsConfig> {
    private static DnsConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, DnsConfig.class);
    }

    @Override
    protected DnsProbe probe() {
        return new DnsProbe();
    }

    @Override
    protected Optional<DnsConfig> silentServer(int port) {
        // resolves through the system resolver, not a server the test chooses
        return Optional.empty();
    }

    @Override
    protected Optional<DnsConfig> noData() {
        return Optional.of(config("{name: nothing-here.invalid}"));
    }

    @Override
    protected Optional<DnsConfig> withSecret(String secret) {
        // a name and addresses are not secrets
        return Optional.empty();
    }
}
