package cn.gov.zhuzhou.duban.common.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.DomainException;
import cn.gov.zhuzhou.duban.common.error.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders a bulletin-like document with Chinese unit names and figures in every format and reads each file back
 * with an independent reader (PDFBox, POI, Commons CSV). Plain JUnit: the renderer needs no Quarkus. The font is
 * the one the service is configured with (DUBAN_DOCUMENTS_FONT_PATH, default WenQuanYi Micro Hei), which
 * {@code make test} installs through deploy/local/ensure-font.sh.
 */
class DocumentRendererTest {

    static final String FONT = System.getenv().getOrDefault("DUBAN_DOCUMENTS_FONT_PATH", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    static final int FONT_INDEX = Integer.parseInt(System.getenv().getOrDefault("DUBAN_DOCUMENTS_FONT_INDEX", "0"));

    static DocumentRenderer renderer;

    @BeforeAll
    static void font() {
        assertThat(Path.of(FONT)).as("the CJK font; run deploy/local/ensure-font.sh (apt-get install fonts-wqy-microhei)").isReadable();
        renderer = new DocumentRenderer(Path.of(FONT), FONT_INDEX);
    }

    static DocumentSpec bulletin() {
        return new DocumentSpec("株洲市长株潭一体化工作通报", "2026年第11期（2026年11月）", List.of(
                new DocumentSpec.Heading("一、总体情况"),
                new DocumentSpec.Paragraph("本月各责任单位按时报送进展情况，整体推进有序。\n下月重点：加快湘江东岸防洪工程建设。"),
                new DocumentSpec.Heading("二、各单位报送情况"),
                new DocumentSpec.Table("报送情况", List.of("责任单位", "按时", "逾期", "未报", "完成率"), List.of(
                        List.of("市发展和改革委员会", "12", "0", "0", "100%"),
                        List.of("市交通运输局", "10", "1", "1", "83.3%"),
                        List.of("湘潭市人民政府", "9", "2", "1", "75%"))),
                new DocumentSpec.Table("交办事项", List.of("编号", "事项", "状态"), List.of(
                        List.of("交办〔2026〕7号", "长株潭城际轨道, \"西延线\"前期工作\n第二行", "逾期"),
                        List.of("交办〔2026〕8号", "=SUM(A1:A2)", "办结")))));
    }

    // ---- PDF ----

    @Test
    void pdfIsA4AndTheTextReadsBackWithUnitNamesAndFigures() throws IOException {
        byte[] pdf = renderer.render(bulletin(), DocumentFormat.PDF);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc);
            String compact = text.replaceAll("\\s+", "");
            assertThat(compact).contains("株洲市长株潭一体化工作通报", "2026年第11期（2026年11月）", "一、总体情况",
                    "本月各责任单位按时报送进展情况，整体推进有序。", "下月重点：加快湘江东岸防洪工程建设。",
                    "市发展和改革委员会", "市交通运输局", "湘潭市人民政府", "交办〔2026〕7号", "第1页");
            assertThat(text).contains("83.3%", "75%", "100%");
            assertThat(lineHolding(text, "市交通运输局").replaceAll("\\s+", " ")).contains("10 1 1 83.3%");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("株洲市长株潭一体化工作通报");
        }
    }

    @Test
    void pdfEmbedsOnlyASubsetOfTheFont() throws IOException {
        byte[] pdf = renderer.render(bulletin(), DocumentFormat.PDF);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                // A subset's name carries a six-letter tag: ABCDEF+WenQuanYiMicroHei.
                assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
            });
        }
        // The whole collection is over 5 MB; a page of text with a subset stays small.
        assertThat(pdf.length).isLessThan(400_000);
    }

    @Test
    void aLongTableRepeatsItsHeaderOnTheNextPageAndPagesAreNumbered() throws IOException {
        List<List<String>> rows = IntStream.rangeClosed(1, 120)
                .mapToObj(i -> List.of("责任单位" + i, "醴陵市第" + i + "项任务", String.valueOf(i * 3)))
                .toList();
        DocumentSpec spec = new DocumentSpec("年度考核排名", null, List.of(
                new DocumentSpec.Table("排名", List.of("单位名称", "考核事项", "得分"), rows)));

        byte[] pdf = renderer.render(spec, DocumentFormat.PDF);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc);
            String compact = second.replaceAll("\\s+", "");
            assertThat(compact).contains("单位名称", "考核事项", "得分", "第2页");
            assertThat(compact.indexOf("单位名称")).as("the header comes first on page 2").isLessThan(compact.indexOf("责任单位"));
            assertThat(compact).doesNotContain("年度考核排名");
            String all = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(all).contains("责任单位120", "醴陵市第120项任务", "360");
        }
    }

    @Test
    void aLongChineseParagraphWrapsWithinThePage() throws IOException {
        String sentence = "推进长株潭城市群一体化发展，加快基础设施互联互通和公共服务共建共享。";
        String paragraph = sentence.repeat(12);
        byte[] pdf = renderer.render(new DocumentSpec("小结", "", List.of(new DocumentSpec.Paragraph(paragraph))), DocumentFormat.PDF);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.lines().filter(l -> l.contains("推进") || l.contains("共享")).count())
                    .as("the paragraph is broken into several lines").isGreaterThan(5);
            assertThat(text.replaceAll("\\s+", "")).contains(paragraph);
        }
    }

    @Test
    void withoutTheFontAPdfIsA503ButTablesStillDownload() {
        DocumentRenderer missing = new DocumentRenderer(Path.of("/nonexistent/font.ttc"), 0);

        assertThat(missing.pdfAvailable()).isFalse();
        assertThatThrownBy(() -> missing.render(bulletin(), DocumentFormat.PDF))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("字体不可用")
                .satisfies(e -> assertThat(((DomainException) e).kind()).isEqualTo(ProblemKind.SERVICE_UNAVAILABLE));
        assertThat(missing.render(bulletin(), DocumentFormat.XLSX)).isNotEmpty();
        assertThat(missing.render(bulletin(), DocumentFormat.CSV)).isNotEmpty();
    }

    @Test
    void theIndexPicksTheFontOfACollection() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FONT.endsWith("wqy-microhei.ttc"), "the default collection only");
        DocumentRenderer mono = new DocumentRenderer(Path.of(FONT), 1);

        try (PDDocument doc = Loader.loadPDF(mono.render(bulletin(), DocumentFormat.PDF))) {
            COSName name = doc.getPage(0).getResources().getFontNames().iterator().next();
            assertThat(doc.getPage(0).getResources().getFont(name).getName()).contains("Mono");
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("市交通运输局");
        }
        assertThatThrownBy(() -> new DocumentRenderer(Path.of(FONT), 7).render(bulletin(), DocumentFormat.PDF))
                .isInstanceOf(FontUnavailableException.class);
    }

    @Test
    void aFileThatIsNoFontIsUnavailableToo() throws IOException {
        Path junk = Files.createTempFile("not-a-font", ".ttf");
        try {
            Files.writeString(junk, "not a font");
            DocumentRenderer broken = new DocumentRenderer(junk, 0);
            assertThat(broken.pdfAvailable()).isFalse();
            assertThatThrownBy(() -> broken.render(bulletin(), DocumentFormat.PDF)).isInstanceOf(FontUnavailableException.class);
        } finally {
            Files.deleteIfExists(junk);
        }
    }

    // ---- XLSX ----

    @Test
    void xlsxHasOneSheetPerTableWithABoldFrozenHeaderAndNumbersAsNumbers() throws IOException {
        byte[] xlsx = renderer.render(bulletin(), DocumentFormat.XLSX);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetName(0)).isEqualTo("报送情况");
            assertThat(book.getSheetName(1)).isEqualTo("交办事项");
            Sheet sheet = book.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("责任单位", "按时", "逾期", "未报", "完成率");
            XSSFCell headerCell = (XSSFCell) sheet.getRow(0).getCell(0);
            assertThat(headerCell.getCellStyle().getFont().getBold()).isTrue();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(1);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);

            Row transport = sheet.getRow(2);
            assertThat(transport.getCell(0).getStringCellValue()).isEqualTo("市交通运输局");
            assertThat(transport.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(transport.getCell(1).getNumericCellValue()).isEqualTo(10d);
            assertThat(transport.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(transport.getCell(4).getNumericCellValue()).isCloseTo(0.833, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(transport.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(sheet.getRow(3).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0%");
            // Wide enough for the longest unit name (9 CJK characters = 18 half-width) and not absurdly wide.
            assertThat(sheet.getColumnWidth(0)).isBetween(18 * 256, 61 * 256);

            Sheet items = book.getSheetAt(1);
            assertThat(items.getRow(1).getCell(1).getStringCellValue()).isEqualTo("长株潭城际轨道, \"西延线\"前期工作\n第二行");
            Cell formulaLike = items.getRow(2).getCell(1);
            assertThat(formulaLike.getCellType()).as("text that looks like a formula stays text").isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=SUM(A1:A2)");
            assertThat(items.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void xlsxSheetNamesAreLegalUniqueAndShort() throws IOException {
        List<String> header = List.of("单位", "得分");
        DocumentSpec spec = new DocumentSpec("排名", null, List.of(
                new DocumentSpec.Table("第一季度/第二季度: 各单位[考核]得分?", header, List.of(List.of("市财政局", "95"))),
                new DocumentSpec.Table("株洲市长株潭一体化发展领导小组办公室各成员单位年度考核排名表（含扣分明细）", header, List.of()),
                new DocumentSpec.Table("株洲市长株潭一体化发展领导小组办公室各成员单位年度考核排名表（含扣分明细）二", header, List.of()),
                new DocumentSpec.Table("Summary", header, List.of()),
                new DocumentSpec.Table("SUMMARY", header, List.of()),
                new DocumentSpec.Table("  ", header, List.of())));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(renderer.render(spec, DocumentFormat.XLSX)))) {
            List<String> names = IntStream.range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName).toList();
            assertThat(names).hasSize(6);
            assertThat(names).allSatisfy(n -> {
                assertThat(n.length()).isBetween(1, 31);
                assertThat(n).matches("[^\\[\\]:*?/\\\\]+");
            });
            assertThat(names.stream().map(String::toLowerCase).distinct().count()).isEqualTo(6);
            assertThat(names.get(0)).isEqualTo("第一季度_第二季度_ 各单位_考核_得分_");
            assertThat(names.get(1)).hasSize(31).startsWith("株洲市长株潭一体化");
            assertThat(names.get(2)).hasSize(31).endsWith("(2)");
            assertThat(names.get(3)).isEqualTo("Summary");
            assertThat(names.get(4)).isEqualTo("SUMMARY(2)");
            assertThat(names.get(5)).isEqualTo("表6");
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(95d);
        }
    }

    @Test
    void aDocumentWithoutTablesStillMakesAValidWorkbookAndAnEmptyCsv() throws IOException {
        DocumentSpec spec = new DocumentSpec("简报", "2026年11月", List.of(new DocumentSpec.Paragraph("本月无表格。")));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(renderer.render(spec, DocumentFormat.XLSX)))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("简报");
        }
        assertThat(renderer.render(spec, DocumentFormat.CSV)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    // ---- CSV ----

    @Test
    void csvStartsWithTheUtf8BomAndParsesBackToTheSameCells() throws IOException {
        byte[] csv = renderer.render(bulletin(), DocumentFormat.CSV);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("报送情况\r\n责任单位,按时,逾期,未报,完成率\r\n市发展和改革委员会,12,0,0,100%\r\n");
        assertThat(text).contains("\r\n\r\n交办事项\r\n");

        List<List<String>> records = records(csv);
        assertThat(records).containsExactly(
                List.of("报送情况"),
                List.of("责任单位", "按时", "逾期", "未报", "完成率"),
                List.of("市发展和改革委员会", "12", "0", "0", "100%"),
                List.of("市交通运输局", "10", "1", "1", "83.3%"),
                List.of("湘潭市人民政府", "9", "2", "1", "75%"),
                List.of(""),
                List.of("交办事项"),
                List.of("编号", "事项", "状态"),
                List.of("交办〔2026〕7号", "长株潭城际轨道, \"西延线\"前期工作\n第二行", "逾期"),
                List.of("交办〔2026〕8号", "'=SUM(A1:A2)", "办结"));
        assertThat(text).contains("\"长株潭城际轨道, \"\"西延线\"\"前期工作\n第二行\"");
    }

    @Test
    void csvGuardsTextThatASpreadsheetWouldRunButKeepsNegativeNumbers() {
        assertThat(CsvRendering.guard("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvRendering.guard("+86 731")).isEqualTo("'+86 731");
        assertThat(CsvRendering.guard("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvRendering.guard("-扣2分")).isEqualTo("'-扣2分");
        assertThat(CsvRendering.guard("-3")).isEqualTo("-3");
        assertThat(CsvRendering.guard("-2.5")).isEqualTo("-2.5");
        assertThat(CsvRendering.guard("市财政局")).isEqualTo("市财政局");
        assertThat(CsvRendering.guard("")).isEmpty();
    }

    @Test
    void rowsShorterThanTheHeaderArePaddedAndLongerOnesRefused() throws IOException {
        DocumentSpec shortRow = new DocumentSpec("t", null, List.of(
                new DocumentSpec.Table("表", List.of("甲", "乙", "丙"), List.of(List.of("市财政局")))));
        assertThat(records(renderer.render(shortRow, DocumentFormat.CSV)).get(2)).containsExactly("市财政局", "", "");

        DocumentSpec longRow = new DocumentSpec("t", null, List.of(
                new DocumentSpec.Table("表", List.of("甲"), List.of(List.of("a", "b")))));
        for (DocumentFormat format : DocumentFormat.values()) {
            assertThatThrownBy(() -> renderer.render(longRow, format)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---- shared ----

    @Test
    void numbersAreRecognisedOnlyWhenTheyReadAsNumbers() {
        assertThat(Cells.numeric("12").value()).isEqualTo(12d);
        assertThat(Cells.numeric("-3").format()).isEqualTo("0");
        assertThat(Cells.numeric("87.50").format()).isEqualTo("0.00");
        assertThat(Cells.numeric("87.5%").value()).isCloseTo(0.875, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Cells.numeric("0%").format()).isEqualTo("0%");
        assertThat(Cells.numeric("007")).as("a leading zero is a code, not a number").isNull();
        assertThat(Cells.numeric("13800000000000000")).as("longer than Excel's 15 digits").isNull();
        assertThat(Cells.numeric("1,200")).isNull();
        assertThat(Cells.numeric("2026年")).isNull();
        assertThat(Cells.numeric("")).isNull();
        assertThat(Cells.width("市财政局ab")).isEqualTo(10);
    }

    @Test
    void fileNamesAreTheTitleWithTheExtension() {
        DocumentSpec spec = new DocumentSpec("2026年11月通报/修订", null, List.of());
        assertThat(DocumentRenderer.fileName(spec, DocumentFormat.PDF)).isEqualTo("2026年11月通报_修订.pdf");
        assertThat(DocumentRenderer.fileName(new DocumentSpec(" ", null, List.of()), DocumentFormat.CSV)).isEqualTo("document.csv");
    }

    private static List<List<String>> records(byte[] csv) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            List<List<String>> out = new ArrayList<>();
            for (CSVRecord record : parser) {
                out.add(record.toList());
            }
            return out;
        }
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(cell -> out.add(cell.getStringCellValue()));
        return out;
    }

    private static String lineHolding(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).findFirst().orElse("");
    }
}
