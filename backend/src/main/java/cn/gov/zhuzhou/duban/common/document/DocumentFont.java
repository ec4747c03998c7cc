package cn.gov.zhuzhou.duban.common.document;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CJK font PDFs are set in: a TrueType file (.ttf) or one font of a collection (.ttc), embedded as a subset
 * (Identity-H, so any Unicode text, and a ToUnicode map so the text can be copied and searched). Loaded once, on
 * first use; a missing or unreadable file is a {@link FontUnavailableException}, asked again on the next use so
 * installing the font needs no restart.
 */
final class DocumentFont {

    private final Path path;
    private final int index;
    private volatile BaseFont font;

    DocumentFont(Path path, int index) {
        this.path = path;
        this.index = index;
    }

    Path path() {
        return path;
    }

    int index() {
        return index;
    }

    /** Why the font cannot be used, or null when it can. */
    String problem() {
        try {
            get();
            return null;
        } catch (FontUnavailableException e) {
            return e.getCause() == null ? "file not found or not readable" : e.getCause().toString();
        }
    }

    BaseFont get() {
        BaseFont loaded = font;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (font == null) {
                font = load();
            }
            return font;
        }
    }

    private BaseFont load() {
        if (!Files.isReadable(path)) {
            throw new FontUnavailableException();
        }
        String name = path.toAbsolutePath().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            name = name + "," + index;
        }
        try {
            BaseFont loaded = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false);
            loaded.setSubset(true);
            return loaded;
        } catch (Exception | LinkageError e) {
            FontUnavailableException failure = new FontUnavailableException();
            failure.initCause(e);
            throw failure;
        }
    }
}
