package cn.gov.zhuzhou.duban.common.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the formats share about cell text: whether it is a number, and how wide it reads. */
final class Cells {

    /** A plain number ("12", "-3", "87.5") or a percentage ("92%", "87.5%"); no thousands separators. */
    private static final Pattern NUMBER = Pattern.compile("(-?(?:0|[1-9]\\d{0,14}))(?:\\.(\\d{1,6}))?(%?)");

    private Cells() {
    }

    /** The number a cell's text shows, with the Excel format that shows it the same way; null for text. */
    record Numeric(double value, String format) {
    }

    static Numeric numeric(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int decimals = m.group(2) == null ? 0 : m.group(2).length();
        boolean percent = !m.group(3).isEmpty();
        String format = decimals == 0 ? "0" : "0." + "0".repeat(decimals);
        BigDecimal value = new BigDecimal(percent ? text.substring(0, text.length() - 1) : text);
        if (percent) {
            return new Numeric(value.movePointLeft(2).doubleValue(), format + "%");
        }
        return new Numeric(value.doubleValue(), format);
    }

    /**
     * A row as wide as the table's header: short rows are padded with empty cells; a row with more cells than
     * headers is a programming error.
     */
    static List<String> fit(DocumentSpec.Table table, List<String> row) {
        int columns = table.headers().size();
        if (row.size() > columns) {
            throw new IllegalArgumentException("table " + table.name() + " has " + columns + " columns but a row has " + row.size());
        }
        if (row.size() == columns) {
            return row;
        }
        List<String> padded = new ArrayList<>(row);
        while (padded.size() < columns) {
            padded.add("");
        }
        return padded;
    }

    /** Width in half-width characters: a CJK or full-width character counts two. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The widest line of a cell (cells may hold line breaks). */
    static int longestLine(String text) {
        int widest = 0;
        for (String line : text.split("\n", -1)) {
            widest = Math.max(widest, width(line));
        }
        return widest;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
