package cn.gov.zhuzhou.duban.common.document;

import java.util.List;

/**
 * What a published document says, independent of its format: a title, a subtitle and blocks of headings,
 * paragraphs and tables. Bulletins, briefs, summaries and the annual ranking describe themselves this way;
 * {@code DocumentRenderer} turns one into PDF, XLSX or CSV.
 */
public record DocumentSpec(String title, String subtitle, List<Block> blocks) {

    public DocumentSpec {
        blocks = List.copyOf(blocks);
    }

    /** One part of the document, in reading order. */
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A section heading. */
    public record Heading(String text) implements Block {
    }

    /** A paragraph of prose (line breaks kept). */
    public record Paragraph(String text) implements Block {
    }

    /** A table: its name (the XLSX sheet and the CSV section), column headers and rows of cell text. */
    public record Table(String name, List<String> headers, List<List<String>> rows) implements Block {

        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** The tables only, in order (what XLSX and CSV carry). */
    public List<Table> tables() {
        return blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }
}
