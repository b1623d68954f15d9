package io.golive.bench;

import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** In-process import of each seed (decode, repair, parse, model). Run with {@code bench/import.sh}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImportBenchmark {
    @Param({"000", "001", "002", "003", "004"})
    public String seed;

    private Path file;
    private final ChecklistImporter importer = new ChecklistImporter();

    @Setup
    public void locate() throws java.io.IOException {
        Path dir = Path.of(System.getProperty("golive.seeds", "../shared/seeds"));
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith(seed + "_"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Benchmark
    public Checklist importSeed() {
        return importer.importFile(file);
    }
}
