package io.golive.probe.secrets;

import static java.util.Objects.requireNonNull;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code secrets} probe: scans a source tree for committed keys, tokens and passwords. */
public final class SecretsProbe implements Probe<SecretsConfig> {
    private static final int LISTED = 50;

    @Override
    public String kind() {
        return "secrets";
    }

    @Override
    public Class<SecretsConfig> configType() {
        return SecretsConfig.class;
    }

    @Override
    public Observation run(SecretsConfig config, ProbeContext context) {
        requireNonNull(config, "null config");
        requireNonNull(context, "null context");
        Path root = context.baseDir().resolve(config.path()).normalize();
        if (!Files.exists(root)) {
            return Observation.error("no data: " + config.path() + " does not exist");
        }
        TreeScanner scanner = new TreeScanner(config.allow(), context.clock(), context.deadline());
        try {
            scanner.scan(root);
        } catch (TreeScanner.TimedOut e) {
            return Observation.error(e.getMessage());
        } catch (IOException e) {
            return Observation.error("cannot scan " + config.path() + ": " + e);
        }
        if (scanner.filesScanned == 0) {
            return Observation.error("no data: no text file to scan under " + config.path());
        }
        List<String> findings =
                scanner.findings.stream().map(TreeScanner.Finding::toString).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filesScanned", scanner.filesScanned);
        m.put("findingCount", findings.size());
        m.put("findings", findings.subList(0, Math.min(LISTED, findings.size())));
        if (findings.isEmpty()) {
            return Observation.pass("no secrets in " + scanner.filesScanned + " files", m);
        }
        String first = findings.stream().limit(5).collect(Collectors.joining("; "));
        return Observation.fail(findings.size() + " possible secrets: " + first, m);
    }
}
