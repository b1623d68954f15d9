package io.golive.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MetricChartTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static MetricChart.Sample at(int seconds, double v, boolean breach) {
        return new MetricChart.Sample(T0.plusSeconds(seconds), OptionalDouble.of(v), breach);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readingsAreALineAndTheThresholdADashedLineAtItsValue() throws Exception {
        MetricChart.Series s = new MetricChart.Series(
                "error rate",
                "ratio",
                List.of(at(0, 0.001, false), at(10, 0.004, false), at(20, 0.02, true)),
                List.of(new MetricChart.Limit(0.01, "> 1% → rollback")));
        Document svg = parse(MetricChart.svg(s, ZoneOffset.UTC));

        Element line = (Element) svg.getElementsByTagName("line").item(0);
        assertThat(line.getAttribute("class")).isEqualTo("threshold");
        Element polyline = (Element) svg.getElementsByTagName("polyline").item(0);
        String[] points = polyline.getAttribute("points").split(" ");
        assertThat(points).hasSize(3);
        double thresholdY = Double.parseDouble(line.getAttribute("y1"));
        double[] ys = new double[3];
        for (int i = 0; i < 3; i++) {
            ys[i] = Double.parseDouble(points[i].split(",")[1]);
        }
        // SVG y grows downwards: below the threshold is a larger y, the breach above it a smaller one
        assertThat(ys[0]).isGreaterThan(ys[1]).isGreaterThan(thresholdY);
        assertThat(ys[2]).isLessThan(thresholdY);
        // x follows time: evenly spaced readings are evenly spaced on the chart
        double x0 = Double.parseDouble(points[0].split(",")[0]);
        double x1 = Double.parseDouble(points[1].split(",")[0]);
        double x2 = Double.parseDouble(points[2].split(",")[0]);
        assertThat(x2 - x1).isCloseTo(x1 - x0, org.assertj.core.data.Offset.offset(0.2));
        NodeList circles = svg.getElementsByTagName("circle");
        assertThat(((Element) circles.item(2)).getAttribute("class")).isEqualTo("reading breach");
        assertThat(((Element) circles.item(0)).getAttribute("class")).isEqualTo("reading");
        assertThat(svg.getDocumentElement().getTextContent())
                .contains("> 1% → rollback")
                .contains("09:00:00")
                .contains("09:00:20");
        assertThat(svg.getDocumentElement().getAttribute("aria-label"))
                .isEqualTo("error rate (ratio) against its trigger");
    }

    @Test
    void aReadingWithoutAValueBreaksTheLineAndNoReadingsSaySo() throws Exception {
        MetricChart.Series gap = new MetricChart.Series(
                "p95",
                "s",
                List.of(
                        at(0, 0.2, false),
                        at(5, 0.3, false),
                        new MetricChart.Sample(T0.plusSeconds(10), OptionalDouble.empty(), false),
                        at(15, 0.25, false),
                        at(20, 0.4, false)),
                List.of(new MetricChart.Limit(0.8, "> 800ms → pause")));
        assertThat(parse(MetricChart.svg(gap, ZoneOffset.UTC))
                        .getElementsByTagName("polyline")
                        .getLength())
                .isEqualTo(2);

        MetricChart.Series none = new MetricChart.Series("p95", "s", List.of(), List.of());
        Document empty = parse(MetricChart.svg(none, ZoneOffset.UTC));
        assertThat(empty.getDocumentElement().getTextContent()).contains("no readings yet");
        assertThat(empty.getElementsByTagName("polyline").getLength()).isZero();
    }

    @Test
    void namesAreEscapedAndAxisNumbersReadable() throws Exception {
        MetricChart.Series s = new MetricChart.Series("a<b & \"c\"", "", List.of(at(0, 1, false)), List.of());
        assertThat(parse(MetricChart.svg(s, ZoneOffset.UTC))
                        .getDocumentElement()
                        .getAttribute("data-metric"))
                .isEqualTo("a<b & \"c\"");
        assertThat(MetricChart.number(0.0105)).isEqualTo("0.0105");
        assertThat(MetricChart.number(1234.5)).isEqualTo("1230");
        assertThat(MetricChart.number(0)).isEqualTo("0");
    }
}
