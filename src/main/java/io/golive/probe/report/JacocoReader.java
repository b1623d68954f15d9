package io.golive.probe.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads JaCoCo XML reports: the report-level LINE and BRANCH counters, summed over files. */
final class JacocoReader {
    private JacocoReader() {}

    static Reading read(List<Path> files) throws IOException {
        long[] line = new long[2];
        long[] branch = new long[2];
        for (Path file : files) {
            Element root = Xml.parse(file).getDocumentElement();
            if (!root.getTagName().equals("report")) {
                throw new Reading.BadReport(
                        file.getFileName() + " is not a JaCoCo report (root <" + root.getTagName() + ">)");
            }
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node n = children.item(i);
                if (n instanceof Element e && e.getTagName().equals("counter")) {
                    add(e, "LINE", line);
                    add(e, "BRANCH", branch);
                }
            }
        }
        if (line[0] + line[1] == 0) {
            throw new Reading.BadReport("no data: the JaCoCo report has no LINE counter");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Reading.Metric> metrics = new LinkedHashMap<>();
        double coverage = percent(line);
        m.put("lineCoverage", coverage);
        m.put("linesCovered", line[1]);
        m.put("linesMissed", line[0]);
        metrics.put("lineCoverage", new Reading.Metric(coverage, "%"));
        if (branch[0] + branch[1] > 0) {
            m.put("branchCoverage", percent(branch));
            metrics.put("branchCoverage", new Reading.Metric(percent(branch), "%"));
        }
        return new Reading(
                m, metrics, Map.of("branch", "branchCoverage", "coverage", "lineCoverage"), Optional.empty());
    }

    private static void add(Element counter, String type, long[] missedCovered) {
        if (counter.getAttribute("type").equals(type)) {
            missedCovered[0] += Long.parseLong(counter.getAttribute("missed"));
            missedCovered[1] += Long.parseLong(counter.getAttribute("covered"));
        }
    }

    private static double percent(long[] missedCovered) {
        return Math.round(10_000.0 * missedCovered[1] / (missedCovered[0] + missedCovered[1])) / 100.0;
    }
}
