package io.golive.probe.process;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The command probe keeps the contract: a process that outlives its deadline is an ERROR by then. */
class CommandContractTest extends ProbeContractTest<CommandConfig> {
    private static CommandConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, CommandConfig.class);
    }

    @Override
    protected CommandProbe probe() {
        return new CommandProbe();
    }

    @Override
    protected Optional<CommandConfig> silentServer(int port) {
        // runs a process, talks to no server
        return Optional.empty();
    }

    @Override
    protected Optional<CommandConfig> beyondDeadline() {
        return Optional.of(config("{run: [sleep, \"30\"]}"));
    }

    @Override
    protected Optional<CommandConfig> noData() {
        // an exit code is always an answer
        return Optional.empty();
    }

    @Override
    protected Optional<CommandConfig> withSecret(String secret) {
        // argv is not a secret field (${ENV} values are masked by the engine)
        return Optional.empty();
    }
}
