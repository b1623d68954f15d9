package io.golive.probe.report;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The report probe keeps the contract: no report is never a pass. */
class ReportContractTest extends ProbeContractTest<ReportConfig> {
    private static ReportConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, ReportConfig.class);
    }

    @Override
    protected ReportProbe probe() {
        return new ReportProbe();
    }

    @Override
    protected Optional<ReportConfig> silentServer(int port) {
        // reads report files
        return Optional.empty();
    }

    @Override
    protected Optional<ReportConfig> noData() {
        return Optional.of(config("{path: \"no-such-folder/*.xml\", kind: junit}"));
    }

    @Override
    protected Optional<ReportConfig> withSecret(String secret) {
        // a report path is not a secret
        return Optional.empty();
    }
}
