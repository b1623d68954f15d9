package io.golive.probe.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Walks a tree and scans each text file line by line, skipping build output, binaries and large files. */
final class TreeScanner {
    static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules");

    /** One finding: where and which rule, the value already masked. */
    record Finding(String file, long line, String rule, String masked) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + rule + " (" + masked + ")";
        }
    }

    /** The deadline passed before the walk finished. */
    static final class TimedOut extends io.golive.GoliveException {
        TimedOut(String message) {
            super(message);
        }
    }

    private final List<PathMatcher> allow;
    private final Clock clock;
    private final Instant deadline;
    final List<Finding> findings = new ArrayList<>();
    long filesScanned;

    TreeScanner(List<String> allow, Clock clock, Instant deadline) {
        this.allow = allow.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        this.clock = clock;
        this.deadline = deadline;
    }

    void scan(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip =
                        !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString());
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (clock.instant().isAfter(deadline)) {
                    throw new TimedOut("timed out after scanning " + filesScanned + " files");
                }
                Path rel = root.equals(file) ? file.getFileName() : root.relativize(file);
                if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES && !allowed(rel)) {
                    scanFile(file, rel.toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean allowed(Path rel) {
        return allow.stream().anyMatch(m -> m.matches(rel));
    }

    private void scanFile(Path file, String shown) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES || binary(bytes)) {
            return;
        }
        filesScanned++;
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rules.Hit h : Rules.scan(lines[i])) {
                findings.add(new Finding(shown, i + 1, h.rule(), Rules.mask(h.value())));
            }
        }
    }

    /** A NUL byte in the first 8 KB marks a binary file, as git decides. */
    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
