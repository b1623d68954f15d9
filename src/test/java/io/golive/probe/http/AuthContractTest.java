package io.golive.probe.http;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The auth probe keeps the contract every probe keeps. */
class AuthContractTest extends ProbeContractTest<AuthConfig> {
    private static AuthConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, AuthConfig.class);
    }

    @Override
    protected AuthProbe probe() {
        return new AuthProbe();
    }

    @Override
    protected Optional<AuthConfig> silentServer(int port) {
        return Optional.of(config("{url: \"http://127.0.0.1:" + port + "/\"}"));
    }

    @Override
    protected Optional<AuthConfig> noData() {
        // every request answers a status
        return Optional.empty();
    }

    @Override
    protected Optional<AuthConfig> withSecret(String secret) {
        return Optional.of(
                config("{url: \"http://127.0.0.1:1/\", headers: {Authorization: \"Bearer " + secret + "\"}}"));
    }
}
