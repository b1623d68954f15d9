package io.golive.probe.report;

import io.golive.probe.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JMeter JTL results in CSV form (with a header row), streamed into a millisecond histogram:
 * exact percentiles of {@code elapsed} and the error share from {@code success}.
 */
final class JmeterReader {
    /** Samples slower than an hour count as an hour; bounded memory. */
    private static final int MAX_MS = 3_600_000;

    private JmeterReader() {}

    static Reading read(List<Path> files) throws IOException {
        long[] histogram = new long[1024];
        long samples = 0;
        long errors = 0;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = in.readLine();
                Map<String, Integer> columns = Csv.header(header == null ? "" : header);
                Integer elapsed = columns.get("elapsed");
                Integer success = columns.get("success");
                if (elapsed == null || success == null) {
                    throw new Reading.BadReport(file.getFileName()
                            + " is not a JMeter CSV JTL with a header (needs columns elapsed and success)");
                }
                String line;
                long lineNo = 1;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    List<String> f = Csv.split(line);
                    if (f.size() <= Math.max(elapsed, success)) {
                        throw new Reading.BadReport(file.getFileName() + " line " + lineNo + ": too few fields");
                    }
                    int ms = (int) Math.min(
                            MAX_MS, Math.max(0, Long.parseLong(f.get(elapsed).strip())));
                    histogram = grow(histogram, ms);
                    histogram[ms]++;
                    samples++;
                    errors += "true".equalsIgnoreCase(f.get(success).strip()) ? 0 : 1;
                }
            }
        }
        if (samples == 0) {
            throw new Reading.BadReport("no data: the JMeter results hold no samples");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Reading.Metric> metric = new LinkedHashMap<>();
        m.put("samples", samples);
        for (int p : new int[] {50, 90, 95, 99}) {
            long v = percentile(histogram, samples, p);
            m.put("p" + p + "Ms", v);
            metric.put("p" + p, new Reading.Metric(v, "ms"));
        }
        double rate = 100.0 * errors / samples;
        m.put("errorRatePercent", rate);
        metric.put("errorRate", new Reading.Metric(rate, "%"));
        return new Reading(m, metric, Map.of("error", "errorRate", "fail", "errorRate"), Optional.empty());
    }

    private static long[] grow(long[] histogram, int ms) {
        if (ms < histogram.length) {
            return histogram;
        }
        return java.util.Arrays.copyOf(histogram, Math.max(ms + 1, Math.min(MAX_MS + 1, histogram.length * 2)));
    }

    /** The nearest-rank percentile: the smallest value with at least p% of the samples at or below it. */
    static long percentile(long[] histogram, long samples, int p) {
        long rank = (long) Math.ceil(p / 100.0 * samples);
        long seen = 0;
        for (int ms = 0; ms < histogram.length; ms++) {
            seen += histogram[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return histogram.length - 1;
    }
}
