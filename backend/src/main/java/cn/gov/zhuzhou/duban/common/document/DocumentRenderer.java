package cn.gov.zhuzhou.duban.common.document;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Turns a {@link DocumentSpec} into a downloadable file: PDF (A4, the configured CJK font embedded as a subset, table
 * headers repeated on every page, "第 n 页" at the foot), XLSX (one sheet per table, bold frozen header, numbers as
 * numbers) or CSV (UTF-8 with a BOM, RFC 4180, every table a section). Needs no database and no request: tests
 * construct it with a font path.
 *
 * <p>The font is checked at start (a clear error in the log when it is missing) and again when a PDF is asked for:
 * without it a PDF fails with {@link FontUnavailableException} (503 "字体不可用") before a byte is written, while
 * XLSX and CSV keep working.
 */
@ApplicationScoped
public class DocumentRenderer {

    private static final Logger LOG = Logger.getLogger(DocumentRenderer.class);

    private final DocumentFont font;

    @Inject
    public DocumentRenderer(DubanConfig config) {
        this(Path.of(config.documents().fontPath()), config.documents().fontIndex());
    }

    /**
     * @param fontPath  a TrueType font (.ttf) or collection (.ttc) with Chinese glyphs
     * @param fontIndex which font of a collection, from 0 (ignored for a .ttf)
     */
    public DocumentRenderer(Path fontPath, int fontIndex) {
        this.font = new DocumentFont(Objects.requireNonNull(fontPath, "fontPath"), fontIndex);
    }

    /**
     * Loads the font once at start and says in the log whether PDFs can be made, on a background thread: parsing the
     * 5 MB collection is not worth delaying readiness for (the first PDF would load it anyway).
     */
    void checkFontAtStart(@Observes StartupEvent event) {
        java.util.concurrent.CompletableFuture.runAsync(this::logFontState);
    }

    private void logFontState() {
        String problem = font.problem();
        if (problem != null) {
            LOG.errorf("PDF documents are unavailable (answered 503 字体不可用): the CJK font %s (index %d) cannot be loaded: %s."
                    + " Install it with 'apt-get install fonts-wqy-microhei' (deploy/local/ensure-font.sh) or set"
                    + " DUBAN_DOCUMENTS_FONT_PATH / DUBAN_DOCUMENTS_FONT_INDEX to a TrueType font with Chinese glyphs."
                    + " XLSX and CSV are unaffected.", font.path(), font.index(), problem);
        } else {
            LOG.infof("PDF documents use the font %s (index %d)", font.path(), font.index());
        }
    }

    /** Whether PDFs can be made (the font loads). */
    public boolean pdfAvailable() {
        return font.problem() == null;
    }

    /**
     * The whole document in one format.
     *
     * @throws FontUnavailableException for PDF when the font is missing (503 problem+json)
     */
    public byte[] render(DocumentSpec spec, DocumentFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            render(spec, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the document to {@code out} (which stays open). For PDF the font is loaded before the first byte is
     * written, so a missing font fails before anything reaches the client.
     *
     * @throws FontUnavailableException for PDF when the font is missing
     * @throws IOException               when {@code out} fails
     */
    public void render(DocumentSpec spec, DocumentFormat format, OutputStream out) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        switch (format) {
            case PDF -> PdfRendering.write(spec, font.get(), out);
            case XLSX -> XlsxRendering.write(spec, out);
            case CSV -> CsvRendering.write(spec, out);
        }
    }

    /** A file name for the download: the title without characters file systems refuse, and the extension. */
    public static String fileName(DocumentSpec spec, DocumentFormat format) {
        String base = spec.title() == null ? "" : spec.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (base.isEmpty() ? "document" : base) + "." + format.extension();
    }
}
