package io.golive.probe.http;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The cors probe keeps the contract every probe keeps. */
class CorsContractTest extends ProbeContractTest<CorsConfig> {
    private static CorsConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, CorsConfig.class);
    }

    @Override
    protected CorsProbe probe() {
        return new CorsProbe();
    }

    @Override
    protected Optional<CorsConfig> silentServer(int port) {
        return Optional.of(config("{url: \"http://127.0.0.1:" + port + "/\"}"));
    }

    @Override
    protected Optional<CorsConfig> noData() {
        // a response always answers the origin, or does not
        return Optional.empty();
    }

    @Override
    protected Optional<CorsConfig> withSecret(String secret) {
        return Optional.of(
                config("{url: \"http://127.0.0.1:1/\", headers: {Authorization: \"Bearer " + secret + "\"}}"));
    }
}
