package cn.gov.zhuzhou.duban.common.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * XLSX: one sheet per table, named after it (unique, at most 31 characters, none of {@code []:*?/\}); the header
 * row bold, shaded and frozen, with a filter; column widths from the longest line in each column (CJK counts
 * double), capped; cells whose text is a number or a percentage stored as numbers with a format that shows them as
 * written, everything else as text (never as a formula). A document without tables gets one sheet with its title.
 */
final class XlsxRendering {

    static final int MAX_SHEET_NAME = 31;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;

    private XlsxRendering() {
    }

    static void write(DocumentSpec spec, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            if (spec.title() != null) {
                workbook.getProperties().getCoreProperties().setTitle(spec.title());
            }
            Styles styles = new Styles(workbook);
            Set<String> used = new HashSet<>();
            List<DocumentSpec.Table> tables = spec.tables();
            if (tables.isEmpty()) {
                Sheet sheet = workbook.createSheet(sheetName(spec.title(), 1, used));
                sheet.createRow(0).createCell(0).setCellValue(spec.title() == null ? "" : spec.title());
            }
            for (int i = 0; i < tables.size(); i++) {
                DocumentSpec.Table table = tables.get(i);
                writeSheet(workbook.createSheet(sheetName(table.name(), i + 1, used)), table, styles);
            }
            workbook.write(out);
        }
    }

    private static void writeSheet(Sheet sheet, DocumentSpec.Table table, Styles styles) {
        int columns = table.headers().size();
        int[] widths = new int[columns];
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns; c++) {
            String text = table.headers().get(c);
            Cell cell = header.createCell(c);
            cell.setCellValue(text);
            cell.setCellStyle(styles.header);
            widths[c] = Cells.longestLine(text);
        }
        int r = 1;
        for (List<String> values : table.rows()) {
            List<String> fitted = Cells.fit(table, values);
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns; c++) {
                String text = fitted.get(c);
                Cell cell = row.createCell(c);
                Cells.Numeric number = Cells.numeric(text);
                if (number != null) {
                    cell.setCellValue(number.value());
                    cell.setCellStyle(styles.number(number.format()));
                } else {
                    cell.setCellValue(text);
                    cell.setCellStyle(text.indexOf('\n') >= 0 ? styles.wrapped : styles.text);
                }
                widths[c] = Math.max(widths[c], Cells.longestLine(text));
            }
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
        }
        if (columns > 0) {
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns - 1));
        }
    }

    /** A legal sheet name, unique in the workbook (Excel compares them ignoring case). */
    static String sheetName(String wanted, int position, Set<String> used) {
        String base = wanted == null || wanted.isBlank() ? "表" + position : WorkbookUtil.createSafeSheetName(wanted.strip(), '_');
        if (base.length() > MAX_SHEET_NAME) {
            base = base.substring(0, MAX_SHEET_NAME);
        }
        String name = base;
        for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static final class Styles {
        private final XSSFWorkbook workbook;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;
        private final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = bordered();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            text = bordered();
            wrapped = bordered();
            wrapped.setWrapText(true);
        }

        CellStyle number(String format) {
            return numbers.computeIfAbsent(format, f -> {
                CellStyle style = bordered();
                style.setDataFormat(workbook.createDataFormat().getFormat(f));
                return style;
            });
        }

        private CellStyle bordered() {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
