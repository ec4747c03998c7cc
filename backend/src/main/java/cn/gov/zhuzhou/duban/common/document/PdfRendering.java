package cn.gov.zhuzhou.duban.common.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * PDF with OpenPDF: A4 portrait, margins of about 2 cm; the title centred, the subtitle under it; headings, and
 * paragraphs with a two-character first-line indent (each line break of the text starts a paragraph); tables as wide
 * as the page, the header row shaded and repeated on every page the table runs onto, numbers right-aligned; "第 n 页"
 * centred at the foot of every page. Chinese text wraps between any two characters. Every glyph comes from the one
 * CJK font (bold is simulated), embedded as a subset.
 */
final class PdfRendering {

    private static final float MARGIN_SIDE = 56f;
    private static final float MARGIN_TOP = 56f;
    private static final float MARGIN_BOTTOM = 60f;
    private static final Color HEADER_FILL = new Color(0xE6, 0xEB, 0xF2);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private PdfRendering() {
    }

    static void write(DocumentSpec spec, BaseFont baseFont, OutputStream out) throws IOException {
        Font title = new Font(baseFont, 18f, Font.BOLD);
        Font subtitle = new Font(baseFont, 11f, Font.NORMAL, MUTED);
        Font heading = new Font(baseFont, 14f, Font.BOLD);
        Font body = new Font(baseFont, 11f);
        Font caption = new Font(baseFont, 10.5f, Font.BOLD);
        Font cell = new Font(baseFont, 9.5f);
        Font headerCell = new Font(baseFont, 9.5f, Font.BOLD);
        Font footer = new Font(baseFont, 9f, Font.NORMAL, MUTED);

        Document document = new Document(PageSize.A4, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PageNumbers(footer));
            if (spec.title() != null) {
                document.addTitle(spec.title());
            }
            document.addCreator("督办 Duban");
            document.open();

            if (spec.title() != null && !spec.title().isBlank()) {
                Paragraph p = new Paragraph(26f, spec.title(), title);
                p.setAlignment(Element.ALIGN_CENTER);
                p.setSpacingAfter(6f);
                document.add(p);
            }
            if (spec.subtitle() != null && !spec.subtitle().isBlank()) {
                Paragraph p = new Paragraph(18f, spec.subtitle(), subtitle);
                p.setAlignment(Element.ALIGN_CENTER);
                p.setSpacingAfter(10f);
                document.add(p);
            }
            String lastHeading = null;
            for (DocumentSpec.Block block : spec.blocks()) {
                if (block instanceof DocumentSpec.Heading h) {
                    Paragraph p = new Paragraph(22f, h.text(), heading);
                    p.setSpacingBefore(8f);
                    p.setSpacingAfter(4f);
                    document.add(p);
                    lastHeading = h.text();
                    continue;
                }
                if (block instanceof DocumentSpec.Paragraph para) {
                    for (String line : para.text().split("\\R")) {
                        if (line.isBlank()) {
                            continue;
                        }
                        Paragraph p = new Paragraph(19f, line.strip(), body);
                        p.setFirstLineIndent(22f);
                        p.setAlignment(Element.ALIGN_JUSTIFIED);
                        p.setSpacingAfter(4f);
                        document.add(p);
                    }
                } else if (block instanceof DocumentSpec.Table table) {
                    if (table.name() != null && !table.name().isBlank() && !table.name().equals(lastHeading)) {
                        Paragraph p = new Paragraph(18f, table.name(), caption);
                        p.setSpacingBefore(4f);
                        document.add(p);
                    }
                    document.add(table(table, headerCell, cell));
                }
                lastHeading = null;
            }
            if (spec.blocks().isEmpty() && (spec.title() == null || spec.title().isBlank())) {
                document.add(new Paragraph(" ", body));
            }
        } catch (DocumentException e) {
            throw new IOException("PDF could not be written: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private static PdfPTable table(DocumentSpec.Table table, Font headerFont, Font cellFont) throws DocumentException {
        int columns = Math.max(1, table.headers().size());
        PdfPTable pdf = new PdfPTable(columns);
        pdf.setWidthPercentage(100f);
        pdf.setSpacingBefore(4f);
        pdf.setSpacingAfter(10f);
        pdf.setWidths(widths(table, columns));
        pdf.setHeaderRows(1);
        for (int c = 0; c < columns; c++) {
            String text = c < table.headers().size() ? table.headers().get(c) : "";
            PdfPCell cell = cell(text, headerFont);
            cell.setBackgroundColor(HEADER_FILL);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            pdf.addCell(cell);
        }
        if (table.rows().isEmpty()) {
            PdfPCell none = cell("（无）", cellFont);
            none.setColspan(columns);
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            pdf.addCell(none);
        }
        for (List<String> row : table.rows()) {
            List<String> fitted = table.headers().isEmpty() ? row : Cells.fit(table, row);
            for (int c = 0; c < columns; c++) {
                String text = c < fitted.size() ? fitted.get(c) : "";
                PdfPCell cell = cell(text, cellFont);
                if (Cells.numeric(text) != null) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                pdf.addCell(cell);
            }
        }
        return pdf;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(14f, text, font));
        cell.setPaddingTop(3f);
        cell.setPaddingBottom(5f);
        cell.setPaddingLeft(4f);
        cell.setPaddingRight(4f);
        cell.setBorderColor(Color.GRAY);
        return cell;
    }

    /** Relative column widths from the widest line in each column, within bounds so no column starves. */
    private static float[] widths(DocumentSpec.Table table, int columns) {
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            int widest = c < table.headers().size() ? Cells.longestLine(table.headers().get(c)) : 1;
            for (List<String> row : table.rows()) {
                if (c < row.size()) {
                    widest = Math.max(widest, Cells.longestLine(row.get(c)));
                }
            }
            widths[c] = Math.min(40, Math.max(4, widest + 1));
        }
        return widths;
    }

    /** "第 n 页" centred below the text of every page. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final Font font;

        PageNumbers(Font font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("第 " + writer.getPageNumber() + " 页", font),
                    (document.left() + document.right()) / 2f, document.bottom() - 28f, 0f);
        }
    }
}
