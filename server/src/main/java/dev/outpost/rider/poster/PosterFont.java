package dev.outpost.rider.poster;

import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A CJK font for posters, read with FontBox from a system font file: a collection ({@code .ttc}, e.g. Debian's
 * {@code fonts-noto-cjk} {@code NotoSansCJK-Regular.ttc}, whose Simplified Chinese face is used) or a single
 * {@code .ttf}/{@code .otf}. Gives glyph outlines and advances (for drawing the PNG and for layout) and writes a small
 * TrueType font with just the characters a poster uses (for embedding in the PDF; see {@link TrueTypeBuilder}).
 * Thread-safe: FontBox fonts are not, so every access is synchronized.
 */
public final class PosterFont {
    /** Where Debian puts the fonts this class can use, most preferred first. */
    public static final List<Path> SYSTEM_FONTS = List.of(
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    /** A character every usable face must have (驿, as in 驿站). */
    private static final int PROBE = 0x9A7F;

    private final Path file;
    private final TrueTypeFont font;
    private final String faceName;
    private final CmapLookup cmap;
    private final int unitsPerEm;
    private final Map<Integer, GeneralPath> paths = new HashMap<>();

    private PosterFont(Path file, TrueTypeFont font) throws IOException {
        this.file = file;
        this.font = font;
        this.faceName = font.getName();
        this.cmap = font.getUnicodeCmapLookup();
        this.unitsPerEm = font.getUnitsPerEm();
    }

    /** The first of {@link #SYSTEM_FONTS} that exists and has Chinese glyphs. */
    public static Optional<PosterFont> system() {
        for (Path p : SYSTEM_FONTS) {
            if (Files.isRegularFile(p)) {
                try {
                    return Optional.of(load(p));
                } catch (RuntimeException e) {
                    // try the next one
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads a font file; from a collection the face {@code NotoSansCJKsc-Regular} if present, else the first face with
     * Chinese glyphs.
     *
     * @throws IllegalArgumentException when the file has no face with Chinese glyphs
     * @throws UncheckedIOException when it cannot be read
     */
    public static PosterFont load(Path file) {
        try {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".ttc") || name.endsWith(".otc")) {
                TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
                List<TrueTypeFont> faces = new ArrayList<>();
                ttc.processAllFonts(faces::add);
                TrueTypeFont chosen = null;
                for (TrueTypeFont f : faces) {
                    if ("NotoSansCJKsc-Regular".equals(f.getName())) {
                        chosen = f;
                    }
                }
                for (TrueTypeFont f : faces) {
                    if (chosen == null && f.getUnicodeCmapLookup().getGlyphId(PROBE) > 0) {
                        chosen = f;
                    }
                }
                if (chosen == null) {
                    throw new IllegalArgumentException("font collection " + file + " has no face with Chinese glyphs");
                }
                return new PosterFont(file, chosen);
            }
            TrueTypeFont f = name.endsWith(".otf")
                    ? new OTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))
                    : new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            if (f.getUnicodeCmapLookup().getGlyphId(PROBE) <= 0) {
                throw new IllegalArgumentException("font " + file + " has no Chinese glyphs");
            }
            return new PosterFont(file, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The face's PostScript name, e.g. {@code NotoSansCJKsc-Regular}. */
    public String faceName() {
        return faceName;
    }

    public int unitsPerEm() {
        return unitsPerEm;
    }

    /** Whether the face has a glyph for the character. */
    public synchronized boolean canDisplay(int codePoint) {
        return codePoint <= 0xFFFD && cmap.getGlyphId(codePoint) > 0;
    }

    /** {@code text} with characters the face lacks replaced by {@code ?}, and control characters by spaces. */
    public String displayable(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(canDisplay(cp) ? cp : '?');
            }
        });
        return sb.toString();
    }

    /** Advance width of the character in font units (0 for characters the face lacks). */
    public synchronized int advance(int codePoint) {
        try {
            int gid = cmap.getGlyphId(codePoint);
            return gid > 0 ? font.getAdvanceWidth(gid) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width of a text in font units. */
    public int width(String text) {
        return text.codePoints().map(this::advance).sum();
    }

    /** The glyph outline of a character in font units, y up; an empty path for characters without outline. */
    public synchronized GeneralPath outline(int codePoint) {
        GeneralPath cached = paths.get(codePoint);
        if (cached != null) {
            return (GeneralPath) cached.clone();
        }
        GeneralPath path;
        try {
            int gid = cmap.getGlyphId(codePoint);
            path = gid > 0 ? glyphPath(gid) : new GeneralPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths.put(codePoint, path);
        return (GeneralPath) path.clone();
    }

    private GeneralPath glyphPath(int gid) throws IOException {
        if (font instanceof OpenTypeFont && ((OpenTypeFont) font).isPostScript()) {
            CFFFont cff = ((OpenTypeFont) font).getCFF().getFont();
            int index = cff instanceof CFFCIDFont ? cff.getCharset().getCIDForGID(gid) : gid;
            GeneralPath p = cff.getType2CharString(index).getPath();
            return p == null ? new GeneralPath() : p;
        }
        GlyphData g = font.getGlyph().getGlyph(gid);
        return g == null ? new GeneralPath() : g.getPath();
    }

    /** A TrueType font with the glyphs of every character in {@code texts} (for embedding in a PDF). */
    public synchronized byte[] trueTypeFor(String... texts) {
        Set<Integer> codePoints = new TreeSet<>();
        for (String t : texts) {
            displayable(t).codePoints().forEach(codePoints::add);
        }
        TrueTypeBuilder builder;
        try {
            builder = new TrueTypeBuilder(
                    unitsPerEm,
                    font.getHorizontalHeader().getAscender(),
                    font.getHorizontalHeader().getDescender(),
                    "OutpostPoster",
                    "Glyphs from " + faceName + " (" + file.getFileName()
                            + "), SIL Open Font License 1.1; converted to TrueType outlines by Outpost");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int cp : codePoints) {
            builder.add(cp, outline(cp), advance(cp));
        }
        return builder.build();
    }
}
