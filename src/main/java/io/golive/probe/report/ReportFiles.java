package io.golive.probe.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Finds the report files a {@code path} names: one file, the reports in a folder, or a glob's matches. */
final class ReportFiles {
    private static final int DEPTH = 8;

    private ReportFiles() {}

    static List<Path> find(Path baseDir, String path, String kind) throws IOException {
        if (path.matches(".*[*?\\[{].*")) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path.replace('\\', '/'));
            try (Stream<Path> all = Files.walk(baseDir, DEPTH)) {
                return all.filter(Files::isRegularFile)
                        .filter(p -> glob.matches(baseDir.relativize(p)))
                        .sorted()
                        .toList();
            }
        }
        Path p = baseDir.resolve(path);
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(p, DEPTH)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> inFolder(f.getFileName().toString(), kind))
                    .sorted()
                    .toList();
        }
    }

    /** Which files of a folder count as reports of a kind (JUnit: Surefire's TEST-*.xml). */
    private static boolean inFolder(String name, String kind) {
        return switch (kind) {
            case "junit" -> name.startsWith("TEST-") && name.endsWith(".xml");
            case "jacoco" -> name.endsWith(".xml");
            case "k6" -> name.endsWith(".json");
            case "jmeter" -> name.endsWith(".jtl") || name.endsWith(".csv");
            default -> name.endsWith(".sarif") || name.endsWith(".sarif.json");
        };
    }
}
