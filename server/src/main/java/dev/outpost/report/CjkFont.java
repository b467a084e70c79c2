package dev.outpost.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Finds a CJK font that PDFBox can embed as a subset: one with TrueType ({@code glyf}) outlines. PDFBox 3 cannot
 * subset CFF-based OpenType fonts, so Debian's Noto CJK ({@code fonts-noto-cjk}, CFF in a TTC) does not qualify; the
 * WenQuanYi fonts ({@code fonts-wqy-microhei}, {@code fonts-wqy-zenhei}) and AR PL UMing ({@code fonts-arphic-uming})
 * do. Stateless; thread-safe.
 */
public final class CjkFont {
    /** Environment variable or system property ({@code outpost.cjkFont}) naming a font file to use first. */
    public static final String ENV = "OUTPOST_CJK_FONT";

    /** Debian's CJK TrueType fonts, in order of preference. */
    public static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"));

    /** The message when no font is found: what to install. */
    static final String MISSING = "no CJK TrueType font is installed, so Chinese text cannot be embedded in the PDF;"
            + " install Debian's fonts-wqy-microhei (apt-get install fonts-wqy-microhei) or fonts-wqy-zenhei, or set "
            + ENV
            + " to a .ttf/.ttc file with TrueType outlines (CFF fonts such as Noto CJK cannot be subset by PDFBox)";

    private CjkFont() {}

    /**
     * The font file to use: {@code OUTPOST_CJK_FONT} (from {@code env}, or the system property
     * {@code outpost.cjkFont}) when set, else the first of {@link #CANDIDATES} that exists.
     *
     * @throws ReportUnavailableException when none is usable, saying what to install
     */
    public static Path locate(Map<String, String> env) {
        String given = env.get(ENV);
        if (given == null || given.isBlank()) {
            given = System.getProperty("outpost.cjkFont");
        }
        List<Path> tried = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given.trim());
            if (!Files.isRegularFile(p)) {
                throw new ReportUnavailableException(ENV + " names " + p + ", which is not a file");
            }
            return p;
        }
        for (Path p : CANDIDATES) {
            tried.add(p);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new ReportUnavailableException(MISSING + " (looked for " + tried + ")");
    }

    /**
     * Opens the first face with TrueType outlines of a {@code .ttc} collection (or the font of a {@code .ttf}) and
     * hands it to {@code use} while the file is open.
     *
     * @throws ReportUnavailableException when the file has no face with TrueType outlines or cannot be read
     */
    public static <T> T withFont(Path file, FontUse<T> use) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".ttc")) {
            try (TrueTypeCollection ttc = new TrueTypeCollection(file.toFile())) {
                TrueTypeFont[] chosen = new TrueTypeFont[1];
                ttc.processAllFonts(f -> {
                    if (chosen[0] == null && hasTrueTypeOutlines(f)) {
                        chosen[0] = f;
                    }
                });
                if (chosen[0] == null) {
                    throw new ReportUnavailableException(
                            file + " holds only CFF-outline fonts, which PDFBox cannot subset; " + MISSING);
                }
                return use.apply(chosen[0]);
            }
        }
        try (TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file.toFile()))) {
            if (!hasTrueTypeOutlines(ttf)) {
                throw new ReportUnavailableException(
                        file + " has CFF outlines, which PDFBox cannot subset; " + MISSING);
            }
            return use.apply(ttf);
        }
    }

    static boolean hasTrueTypeOutlines(TrueTypeFont f) throws IOException {
        if (f instanceof OpenTypeFont && ((OpenTypeFont) f).isPostScript()) {
            return false;
        }
        return f.getTableMap().containsKey("glyf");
    }

    /** Work done with an open font. */
    @FunctionalInterface
    public interface FontUse<T> {
        T apply(TrueTypeFont font) throws IOException;
    }
}
