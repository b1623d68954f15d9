package io.golive.probe.file;

import io.golive.checklist.Threshold;
import io.golive.checklist.Units;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the newest file matching a path or glob and judges its age, size and content. */
public final class FileProbe implements Probe<FileConfig> {
    private static final int MAX_READ = 4 << 20;
    private static final int MAX_DEPTH = 8;

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public Class<FileConfig> configType() {
        return FileConfig.class;
    }

    @Override
    public Observation run(FileConfig c, ProbeContext context) {
        Optional<Path> newest;
        try {
            newest = newest(context.baseDir(), c.path());
        } catch (IOException e) {
            return Observation.error("cannot list " + c.path() + ": " + e.getMessage());
        }
        if (newest.isEmpty()) {
            return Observation.error("no file matches " + c.path());
        }
        try {
            return judge(c, context, newest.get());
        } catch (IOException e) {
            return Observation.error("cannot read " + newest.get() + ": " + e.getMessage());
        }
    }

    private static Observation judge(FileConfig c, ProbeContext context, Path file) throws IOException {
        long bytes = Files.size(file);
        FileTime modified = Files.getLastModifiedTime(file);
        long age = Math.max(
                0,
                Duration.between(modified.toInstant(), context.clock().instant())
                        .toSeconds());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("newest", context.baseDir().relativize(file.toAbsolutePath()).toString());
        m.put("ageSeconds", age);
        m.put("bytes", bytes);
        String problem = "";
        if (c.maxAge() != null && age * 1000 > Durations.parse(c.maxAge()).toMillis()) {
            problem = "newest is " + age + " s old, older than " + c.maxAge();
        } else if (c.maxAge() == null) {
            for (Threshold t : context.inherited()) {
                if (t.unit().filter(Units::isTime).isPresent()
                        && !t.test(age, "s").orElse(true)) {
                    problem = "newest is " + age + " s old, which does not meet "
                            + t.metric().map(x -> x + " ").orElse("") + t.expression() + " (from the item)";
                }
            }
        }
        if (problem.isEmpty() && c.minBytes() != null && bytes < c.minBytes()) {
            problem = bytes + " bytes, fewer than " + c.minBytes();
        }
        if (problem.isEmpty() && c.contains() != null && !contains(file, c.contains())) {
            problem = "does not contain /" + c.contains() + "/";
        }
        String name = m.get("newest").toString();
        Observation o = new Observation(
                problem.isEmpty() ? Status.PASS : Status.FAIL,
                problem.isEmpty() ? name + ": " + bytes + " bytes, " + age + " s old" : name + ": " + problem,
                m,
                Map.of());
        return withAge(o, c, context, age);
    }

    /** The newest file's age as the actual value: in the inherited threshold's unit ({@code Hourly}: h). */
    private static Observation withAge(Observation o, FileConfig c, ProbeContext context, long ageSeconds) {
        Optional<String> unit = context.inherited().stream()
                .flatMap(t -> t.unit().filter(Units::isTime).stream())
                .findFirst();
        if (c.maxAge() != null || unit.isEmpty()) {
            return o.withActual(ageSeconds, Optional.of("s"));
        }
        double inUnit = Units.convert(ageSeconds, "s", unit.get()).orElse(ageSeconds);
        return o.withActual(Math.round(inUnit * 1000) / 1000.0, unit);
    }

    private static boolean contains(Path file, String regex) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
            return Pattern.compile(regex).matcher(text).find();
        }
    }

    /** The newest regular file the path names; a glob is matched below the spec's folder. */
    static Optional<Path> newest(Path base, String path) throws IOException {
        if (!path.contains("*") && !path.contains("?") && !path.contains("[") && !path.contains("{")) {
            Path p = base.resolve(path).normalize();
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path);
        try (Stream<Path> files = Files.walk(base, MAX_DEPTH)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> glob.matches(base.relativize(f)))
                    .max((a, b) ->
                            Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
        }
    }
}
