package io.golive.notify;

import io.golive.probe.ProbeRegistry;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a golive.yaml with a {@code notify:} section and reads its destinations as the CLI would. */
final class Specs {
    private static final ProbeRegistry REGISTRY = ProbeRegistry.load(Specs.class.getClassLoader());

    record Read(LaunchSpec spec, List<Destination> destinations) {}

    private Specs() {}

    static Read read(Path dir, String notify, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("LAUNCH.md"), "# Shop go-live\n\n## Pre-launch\n- [ ] Load test passed\n");
        Path file = Files.writeString(dir.resolve("golive.yaml"), "name: shop\nchecklist: LAUNCH.md\n" + notify);
        SpecLoader loader = new SpecLoader(REGISTRY.kinds(), env);
        LaunchSpec spec = loader.load(file);
        return new Read(spec, new NotifyReader("build-01").read(spec, loader.section(spec, "notify")));
    }
}
