package io.golive.probe.http;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The headers probe keeps the contract every probe keeps. */
class HeadersContractTest extends ProbeContractTest<HeadersConfig> {
    private static HeadersConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, HeadersConfig.class);
    }

    @Override
    protected HeadersProbe probe() {
        return new HeadersProbe();
    }

    @Override
    protected Optional<HeadersConfig> silentServer(int port) {
        return Optional.of(config("{url: \"http://127.0.0.1:" + port + "/\"}"));
    }

    @Override
    protected Optional<HeadersConfig> noData() {
        // a response always has headers, present or missing
        return Optional.empty();
    }

    @Override
    protected Optional<HeadersConfig> withSecret(String secret) {
        return Optional.of(
                config("{url: \"http://127.0.0.1:1/\", headers: {Authorization: \"Bearer " + secret + "\"}}"));
    }
}
