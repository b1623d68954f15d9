package io.golive.probe.model;

import io.golive.GoliveException;
import io.golive.probe.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Streams a predictions CSV into a {@link Tally}, rejecting the first bad row with its line and column. */
final class PredictionsReader {
    /** A file the check cannot use, with the reason (line and column where there is one). */
    static final class BadData extends GoliveException {
        BadData(String message) {
            super(message);
        }
    }

    private final ModelConfig config;
    private final Clock clock;
    private final Instant deadline;

    PredictionsReader(ModelConfig config, Clock clock, Instant deadline) {
        this.config = config;
        this.clock = clock;
        this.deadline = deadline;
    }

    Tally read(Path file) throws IOException {
        Tally tally = new Tally(config.bins(), config.cutoff());
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new BadData("no data: " + file.getFileName() + " is empty");
            }
            Map<String, Integer> columns = Csv.header(header);
            int label = column(columns, config.label(), "label");
            int score = column(columns, config.score(), "score");
            int group =
                    config.group().isPresent() ? column(columns, config.group().get(), "group") : -1;
            String line;
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if ((lineNo & 0x3FFF) == 0 && clock.instant().isAfter(deadline)) {
                    throw new BadData("timed out reading " + file.getFileName() + " at line " + lineNo);
                }
                if (!line.isBlank()) {
                    row(tally, Csv.split(line), lineNo, label, score, group);
                }
            }
        }
        return tally;
    }

    private static int column(Map<String, Integer> columns, String name, String role) {
        Integer at = columns.get(name.strip());
        if (at == null) {
            throw new BadData("line 1: no " + role + " column '" + name + "' (columns: " + columns.keySet() + ")");
        }
        return at;
    }

    private void row(Tally tally, List<String> fields, long lineNo, int label, int score, int group) {
        String l = field(fields, label, lineNo, config.label()).strip();
        boolean positive = switch (l) {
            case "1", "1.0" -> true;
            case "0", "0.0" -> false;
            default ->
                throw new BadData("line " + lineNo + ", column " + config.label() + ": '" + l + "' is not 0 or 1");
        };
        String s = field(fields, score, lineNo, config.score()).strip();
        double p;
        try {
            p = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadData("line " + lineNo + ", column " + config.score() + ": '" + s + "' is not a number");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new BadData("line " + lineNo + ", column " + config.score() + ": " + s + " is not between 0 and 1");
        }
        String g = group < 0
                ? ""
                : field(fields, group, lineNo, config.group().get()).strip();
        if (!tally.hasRoomFor(g)) {
            throw new BadData("line " + lineNo + ", column " + config.group().get() + ": more than " + Tally.MAX_GROUPS
                    + " groups; the fairness metrics compare a few groups of at least minGroupSize rows");
        }
        tally.add(positive, p, g);
    }

    private static String field(List<String> fields, int at, long lineNo, String name) {
        if (at >= fields.size()) {
            throw new BadData(
                    "line " + lineNo + ", column " + name + ": missing (the row has " + fields.size() + " fields)");
        }
        return fields.get(at);
    }
}
