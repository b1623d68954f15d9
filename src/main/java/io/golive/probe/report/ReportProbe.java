package io.golive.probe.report;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.spec.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code report} probe: reads a JUnit, JaCoCo, k6, JMeter or SARIF report and judges it. */
public final class ReportProbe implements Probe<ReportConfig> {
    @Override
    public String kind() {
        return "report";
    }

    @Override
    public Class<ReportConfig> configType() {
        return ReportConfig.class;
    }

    @Override
    public Observation run(ReportConfig config, ProbeContext context) {
        requireNonNull(config, "null config");
        requireNonNull(context, "null context");
        try {
            List<Path> files = ReportFiles.find(context.baseDir(), config.path(), config.kind());
            if (files.isEmpty()) {
                return Observation.error("no data: no " + config.kind() + " report at " + config.path());
            }
            Optional<String> stale = stale(config, files, context.clock().instant());
            if (stale.isPresent()) {
                return Observation.error(stale.get());
            }
            for (Path f : files) {
                if (Files.size(f) == 0) {
                    return Observation.error("no data: " + f.getFileName() + " is empty");
                }
            }
            Reading r = read(config, files);
            return judge(config, r, context.inherited()).withEvidence("files", files.toString());
        } catch (Reading.BadReport e) {
            return Observation.error(e.getMessage());
        } catch (NumberFormatException e) {
            return Observation.error("the " + config.kind() + " report holds a bad number: " + e.getMessage());
        } catch (IOException e) {
            return Observation.error("cannot read " + config.path() + ": " + e);
        }
    }

    private static Reading read(ReportConfig config, List<Path> files) throws IOException {
        return switch (config.kind()) {
            case "junit" -> JunitReader.read(files);
            case "jacoco" -> JacocoReader.read(files);
            case "k6" -> K6Reader.read(files);
            case "jmeter" -> JmeterReader.read(files);
            default -> SarifReader.read(files, config.severity());
        };
    }

    private static Optional<String> stale(ReportConfig config, List<Path> files, Instant now) throws IOException {
        if (config.maxAge() == null) {
            return Optional.empty();
        }
        Duration max = Durations.parse(config.maxAge());
        Instant newest = Instant.EPOCH;
        for (Path f : files) {
            Instant t = Files.getLastModifiedTime(f).toInstant();
            newest = t.isAfter(newest) ? t : newest;
        }
        Duration age = Duration.between(newest, now);
        return age.compareTo(max) > 0
                ? Optional.of("stale: the newest report is " + Durations.format(age) + " old (maxAge " + config.maxAge()
                        + ")")
                : Optional.empty();
    }

    private static Observation judge(ReportConfig config, Reading r, List<Threshold> inherited) {
        List<Threshold> thresholds = config.expect().isEmpty()
                ? inherited.stream().filter(t -> r.key(t).isPresent()).toList()
                : config.expect().stream().map(ThresholdParser::parse).toList();
        if (thresholds.isEmpty() && List.of("jacoco", "k6", "jmeter").contains(config.kind())) {
            return new Observation(
                    io.golive.probe.Status.ERROR,
                    "nothing to compare: no expect and the item carries no threshold for "
                            + r.metrics().keySet(),
                    r.measurements(),
                    java.util.Map.of());
        }
        List<String> failed = new ArrayList<>();
        List<String> met = new ArrayList<>();
        r.failure().ifPresent(failed::add);
        for (Threshold t : thresholds) {
            Optional<String> key = r.key(t);
            if (key.isEmpty()) {
                return Observation.error("expect '" + t.text() + "' names no metric of a " + config.kind() + " report "
                        + r.metrics().keySet());
            }
            Reading.Metric m = r.metrics().get(key.get());
            String shown = key.get() + " " + String.format(Locale.ROOT, "%.2f", m.value()) + m.unit();
            Optional<Boolean> ok = t.test(m.value(), m.unit());
            if (ok.isEmpty()) {
                return Observation.error("expect '" + t.text() + "' is not in the unit of " + shown);
            }
            (ok.get() ? met : failed).add(shown + (ok.get() ? " " : " does not meet ") + t.expression());
        }
        if (!failed.isEmpty()) {
            return Observation.fail(String.join("; ", failed), r.measurements());
        }
        String summary = met.isEmpty() ? r.measurements().toString() : String.join("; ", met);
        return Observation.pass(summary, r.measurements());
    }
}
