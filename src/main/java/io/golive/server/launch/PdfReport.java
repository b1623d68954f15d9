package io.golive.server.launch;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The signed Go/No-Go report as PDF: the decision and its reasons, the sign-offs with their freshness,
 * the Go/No-Go criteria with their actual values, the waivers, every item with its status, owner and
 * due date, and the evidence digest it all rests on.
 */
final class PdfReport {
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font GO = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 28, new Color(0x15, 0x7a, 0x3a));
    private static final Font NO_GO = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 28, new Color(0xb0, 0x20, 0x2a));

    private PdfReport() {}

    @SuppressWarnings("unchecked")
    static byte[] of(LaunchView v, Instant now) {
        Map<String, Object> json = v.json();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("golive Go/No-Go report: " + v.name());
            doc.open();
            doc.add(new Paragraph("Go/No-Go report: " + v.name(), TITLE));
            doc.add(new Paragraph(
                    "version " + json.get("version") + " · T-0 " + json.get("launch") + " · generated " + now, BODY));
            boolean go = "GO".equals(json.get("decision"));
            doc.add(new Paragraph(go ? "GO" : "NO-GO", go ? GO : NO_GO));
            doc.add(new Paragraph("Readiness " + json.get("readiness") + " %", BODY));
            section(doc, "Reasons");
            for (Object r : (List<Object>) json.get("reasons")) {
                doc.add(new Paragraph("• " + r, BODY));
            }
            section(doc, "Sign-offs");
            doc.add(table(
                    List.of("Role", "User", "Verdict", "At", "Fresh"),
                    ((List<Map<String, Object>>) json.get("signoffs"))
                            .stream()
                                    .map(s -> List.of(
                                            text(s.get("role")),
                                            text(s.get("user")),
                                            text(s.get("verdict")),
                                            text(s.get("at")),
                                            s.get("verdict") == null
                                                    ? ""
                                                    : (Boolean) s.get("stale") ? "STALE" : "fresh"))
                                    .toList(),
                    new float[] {3, 2, 2, 3, 1}));
            List<Map<String, Object>> criteria = (List<Map<String, Object>>) json.getOrDefault("criteria", List.of());
            if (!criteria.isEmpty()) {
                section(doc, "Go/No-Go criteria");
                doc.add(table(
                        List.of("Criterion", "Threshold", "Actual", "Status", "Evidence"),
                        criteria.stream().map(PdfReport::criterionRow).toList(),
                        new float[] {3, 1.5f, 1.5f, 1.3f, 5}));
            }
            section(doc, "Waivers");
            doc.add(table(
                    List.of("Item", "Reason", "Approver", "Expires"),
                    ((List<Map<String, Object>>) json.get("waivers"))
                            .stream()
                                    .map(w -> List.of(
                                            text(w.get("item")),
                                            text(w.get("reason")),
                                            text(w.get("approver")),
                                            text(w.get("expires")) + ((Boolean) w.get("expired") ? " (expired)" : "")))
                                    .toList(),
                    new float[] {3, 4, 2, 3}));
            section(doc, "Items");
            doc.add(table(
                    List.of("Item", "Status", "Owner", "Due"),
                    ((List<Map<String, Object>>) json.get("items"))
                            .stream()
                                    .map(i -> List.of(
                                            text(i.get("text")) + "\n" + text(i.get("id")),
                                            text(i.get("status")),
                                            text(i.get("owner")),
                                            text(i.get("due")) + ((Boolean) i.get("overdue") ? " OVERDUE" : "")))
                                    .toList(),
                    new float[] {6, 1.3f, 1.5f, 2.5f}));
            doc.add(new Paragraph("Evidence digest " + json.get("digest"), BODY));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the PDF report", e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static List<String> criterionRow(Map<String, Object> c) {
        String evidence = ((List<Map<String, Object>>) c.getOrDefault("checks", List.of()))
                .stream()
                        .map(k -> text(k.get("type")) + ": " + text(k.get("summary")))
                        .reduce((x, y) -> x + "\n" + y)
                        .orElse("");
        return List.of(
                text(c.get("name")) + "\n" + text(c.get("id")),
                text(c.get("threshold")),
                c.get("actualText") == null ? "—" : text(c.get("actualText")),
                text(c.get("status")),
                evidence);
    }

    private static void section(Document doc, String title) {
        Paragraph p = new Paragraph(title, HEAD);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable table(List<String> heads, List<List<String>> rows, float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        heads.forEach(h -> t.addCell(cell(h, BOLD)));
        rows.forEach(r -> r.forEach(c -> t.addCell(cell(c, BODY))));
        if (rows.isEmpty()) {
            PdfPCell none = cell("none", BODY);
            none.setColspan(heads.size());
            t.addCell(none);
        }
        return t;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setVerticalAlignment(Element.ALIGN_TOP);
        c.setPadding(3);
        return c;
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
