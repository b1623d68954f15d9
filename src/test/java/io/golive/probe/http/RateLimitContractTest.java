package io.golive.probe.http;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The rateLimit probe keeps the contract every probe keeps. */
class RateLimitContractTest extends ProbeContractTest<RateLimitConfig> {
    private static RateLimitConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, RateLimitConfig.class);
    }

    @Override
    protected RateLimitProbe probe() {
        return new RateLimitProbe();
    }

    @Override
    protected Optional<RateLimitConfig> silentServer(int port) {
        return Optional.of(config("{url: \"http://127.0.0.1:" + port + "/\", requests: 3, within: 1s}"));
    }

    @Override
    protected Optional<RateLimitConfig> noData() {
        // every request answers a status
        return Optional.empty();
    }

    @Override
    protected Optional<RateLimitConfig> withSecret(String secret) {
        return Optional.of(config("{url: \"http://127.0.0.1:1/\", headers: {Authorization: \"Bearer " + secret
                + "\"}, requests: 3, within: 1s}"));
    }
}
