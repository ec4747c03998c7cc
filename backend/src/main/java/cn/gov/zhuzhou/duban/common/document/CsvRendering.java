package cn.gov.zhuzhou.duban.common.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV: UTF-8 with a byte order mark (so Excel reads the Chinese correctly), RFC 4180 (CRLF, fields quoted when they
 * hold a comma, a quote or a line break). Every table is a section: a line with the table's name, the header, the
 * rows; a blank line between tables. A text cell that a spreadsheet would read as a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe; numbers such as "-3" are left alone.
 */
final class CsvRendering {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvRendering() {
    }

    static void write(DocumentSpec spec, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        boolean first = true;
        for (DocumentSpec.Table table : spec.tables()) {
            if (!first) {
                printer.println();
            }
            first = false;
            printer.printRecord(guard(table.name()));
            printer.printRecord(guarded(table.headers()));
            for (List<String> row : table.rows()) {
                printer.printRecord(guarded(Cells.fit(table, row)));
            }
        }
        // Not closed: the caller owns the stream.
        printer.flush();
    }

    private static List<String> guarded(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String cell : cells) {
            out.add(guard(cell));
        }
        return out;
    }

    static String guard(String cell) {
        if (cell.isEmpty() || Cells.numeric(cell) != null) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
