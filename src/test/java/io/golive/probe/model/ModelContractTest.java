package io.golive.probe.model;

import io.golive.probe.ProbeContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The model probe keeps the contract: a predictions file without a row is never a pass. */
class ModelContractTest extends ProbeContractTest<ModelConfig> {
    private static ModelConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, ModelConfig.class);
    }

    @Override
    protected ModelProbe probe() {
        return new ModelProbe();
    }

    @Override
    protected Optional<ModelConfig> silentServer(int port) {
        return Optional.empty(); // reads a CSV file
    }

    @Override
    protected Optional<ModelConfig> noData() {
        try {
            Path csv = Files.createTempFile("golive-contract-", ".csv");
            Files.writeString(csv, "label,score\n");
            csv.toFile().deleteOnExit();
            return Optional.of(config("{predictions: \"" + csv.toAbsolutePath() + "\", expect: [\"AUC > 0.7\"]}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Optional<ModelConfig> withSecret(String secret) {
        return Optional.empty(); // predictions and column names are not secrets
    }
}
