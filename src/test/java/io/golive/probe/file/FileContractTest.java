package io.golive.probe.file;

import io.golive.probe.ProbeContractTest;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The file probe keeps the contract: no matching file is never a pass. */
class FileContractTest extends ProbeContractTest<FileConfig> {
    private static FileConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, FileConfig.class);
    }

    @Override
    protected FileProbe probe() {
        return new FileProbe();
    }

    @Override
    protected Optional<FileConfig> silentServer(int port) {
        // reads the file system
        return Optional.empty();
    }

    @Override
    protected Optional<FileConfig> noData() {
        return Optional.of(config("{path: \"no-such-folder/*.dump\"}"));
    }

    @Override
    protected Optional<FileConfig> withSecret(String secret) {
        // a path is not a secret
        return Optional.empty();
    }
}
