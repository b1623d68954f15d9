package io.golive.server.launch;

import io.golive.InputException;
import io.golive.report.HtmlReport;
import io.golive.report.Json;
import io.golive.report.JunitReport;
import io.golive.report.MarkdownReport;
import io.golive.report.ReportJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The launch's report in the formats of {@code golive check}, with the server's decision (sign-offs included). */
@RestController
class ReportController {
    private final LaunchViews views;
    private final Clock clock;

    ReportController(LaunchViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/api/launches/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        LaunchView v = views.view(id);
        String f = format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "json" -> body(Json.write(ReportJson.of(v.evaluation())), MediaType.APPLICATION_JSON, "json", v);
            case "md" ->
                body(
                        MarkdownReport.of(v.evaluation(), v.markdown()),
                        MediaType.parseMediaType("text/markdown"),
                        "md",
                        v);
            case "junit" -> body(JunitReport.of(v.evaluation()), MediaType.APPLICATION_XML, "xml", v);
            case "html" -> body(HtmlReport.of(v.evaluation()), MediaType.TEXT_HTML, "html", v);
            case "pdf" ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"golive-" + v.launchId() + ".pdf\"")
                        .body(PdfReport.of(v, clock.instant()));
            default -> throw new InputException("format: one of json, md, junit, html, pdf", List.of());
        };
    }

    private static ResponseEntity<byte[]> body(String text, MediaType type, String ext, LaunchView v) {
        return ResponseEntity.ok()
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"golive-" + v.launchId() + "." + ext + "\"")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
