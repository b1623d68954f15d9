package io.golive.probe.secrets;

import io.golive.probe.ProbeContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The secrets probe keeps the contract: an empty tree is no data, and a secret it finds in a file is
 * never shown whole in what it returns.
 */
class SecretsContractTest extends ProbeContractTest<SecretsConfig> {
    private static SecretsConfig config(Path path) {
        return YAMLMapper.builder().build().readValue("{path: \"" + path.toAbsolutePath() + "\"}", SecretsConfig.class);
    }

    private static Path folder() {
        try {
            Path dir = Files.createTempDirectory("golive-contract-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SecretsProbe probe() {
        return new SecretsProbe();
    }

    @Override
    protected Optional<SecretsConfig> silentServer(int port) {
        return Optional.empty(); // scans files
    }

    @Override
    protected Optional<SecretsConfig> noData() {
        return Optional.of(config(folder()));
    }

    @Override
    protected Optional<SecretsConfig> withSecret(String secret) {
        Path dir = folder();
        try {
            Files.writeString(dir.resolve("app.properties"), "db.password = \"" + secret + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(config(dir));
    }
}
