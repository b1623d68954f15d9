package io.golive.probe.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads JUnit XML reports: every {@code testcase}, and whether it failed, erred or was skipped. */
final class JunitReader {
    private JunitReader() {}

    static Reading read(List<Path> files) throws IOException {
        long tests = 0;
        long failures = 0;
        long errors = 0;
        long skipped = 0;
        List<String> failed = new ArrayList<>();
        for (Path file : files) {
            Element root = Xml.parse(file).getDocumentElement();
            if (!root.getTagName().equals("testsuite") && !root.getTagName().equals("testsuites")) {
                throw new Reading.BadReport(
                        file.getFileName() + " is not a JUnit report (root <" + root.getTagName() + ">)");
            }
            NodeList cases = root.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                tests++;
                boolean failure = has(c, "failure");
                boolean error = has(c, "error");
                failures += failure ? 1 : 0;
                errors += error ? 1 : 0;
                skipped += has(c, "skipped") ? 1 : 0;
                if ((failure || error) && failed.size() < 5) {
                    failed.add(c.getAttribute("classname") + "." + c.getAttribute("name"));
                }
            }
        }
        if (tests == 0) {
            throw new Reading.BadReport("no data: the JUnit report holds no tests");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tests", tests);
        m.put("failures", failures);
        m.put("errors", errors);
        m.put("skipped", skipped);
        m.put("files", files.size());
        Map<String, Reading.Metric> metrics = new LinkedHashMap<>();
        metrics.put("tests", new Reading.Metric(tests, ""));
        metrics.put("failures", new Reading.Metric(failures + errors, ""));
        metrics.put("skipped", new Reading.Metric(skipped, ""));
        metrics.put("passRate", new Reading.Metric(100.0 * (tests - failures - errors - skipped) / tests, "%"));
        Optional<String> failure = failures + errors == 0
                ? Optional.empty()
                : Optional.of(failures + " failed, " + errors + " errors of " + tests + " tests: "
                        + String.join(", ", failed));
        return new Reading(m, metrics, Map.of("pass", "passRate", "fail", "failures"), failure);
    }

    private static boolean has(Element testcase, String child) {
        return testcase.getElementsByTagName(child).getLength() > 0;
    }
}
