package dev.outpost.report;

import java.awt.Color;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A minimal flowing layout on A4 pages: headings, lines of text, images and tables that break across pages (repeating
 * their header), with one embedded CJK font. Characters the font lacks are replaced (≤ by &lt;=, dashes by -, others
 * by ?). Not thread-safe; one per document.
 */
final class PdfLayout {
    static final float MARGIN = 48;
    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

    private final PDDocument doc;
    private final PDType0Font font;
    private final String footer;
    private final Map<Integer, String> replacements = new HashMap<>();
    private PDPageContentStream cs;
    private float y;
    private int pages;

    PdfLayout(PDDocument doc, TrueTypeFont ttf, String footer) throws IOException {
        this.doc = doc;
        this.font = PDType0Font.load(doc, ttf, true);
        this.footer = footer;
        newPage();
    }

    void newPage() throws IOException {
        finishPage();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        pages++;
        y = PAGE_HEIGHT - MARGIN;
    }

    private void finishPage() throws IOException {
        if (cs != null) {
            text(footer + "  ·  " + pages, 7.5f, MARGIN, MARGIN / 2, Color.GRAY);
            cs.close();
            cs = null;
        }
    }

    void close() throws IOException {
        finishPage();
    }

    /** Makes sure {@code height} points fit below the cursor, else starts a page. */
    void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    void heading(String s, float size) throws IOException {
        ensure(size * 2.6f);
        y -= size * 1.5f;
        text(s, size, MARGIN, y, Color.BLACK);
        y -= size * 0.5f;
    }

    void line(String s, float size, Color colour) throws IOException {
        ensure(size * 1.5f);
        y -= size * 1.4f;
        text(fit(s, size, CONTENT_WIDTH), size, MARGIN, y, colour);
    }

    /** A row of coloured squares, each followed by its label. */
    void legend(List<Color> colours, List<String> labels, float size) throws IOException {
        ensure(size * 2);
        y -= size * 1.5f;
        float x = MARGIN;
        for (int i = 0; i < colours.size(); i++) {
            cs.setNonStrokingColor(colours.get(i));
            cs.addRect(x, y - 1, size, size);
            cs.fill();
            x += size + 3;
            String label = safe(labels.get(i));
            text(label, size, x, y, Color.DARK_GRAY);
            x += width(label, size) + 10;
        }
    }

    void image(byte[] png, float maxWidth, float maxHeight) throws IOException {
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, png, "map.png");
        float scale = Math.min(maxWidth / img.getWidth(), maxHeight / img.getHeight());
        float w = img.getWidth() * scale;
        float h = img.getHeight() * scale;
        ensure(h + 6);
        y -= h + 6;
        cs.drawImage(img, MARGIN, y, w, h);
        cs.setStrokingColor(Color.LIGHT_GRAY);
        cs.addRect(MARGIN, y, w, h);
        cs.stroke();
    }

    /**
     * A table; {@code widths} are fractions of the content width. Cells too wide for their column are cut with "..".
     * Numeric-looking cells are right-aligned.
     */
    void table(List<String> header, List<List<String>> rows, float[] widths, float size) throws IOException {
        float rowHeight = size * 1.8f;
        ensure(rowHeight * Math.min(rows.size() + 1, 4));
        row(header, widths, size, rowHeight, true);
        for (List<String> r : rows) {
            if (y - rowHeight < MARGIN) {
                newPage();
                row(header, widths, size, rowHeight, true);
            }
            row(r, widths, size, rowHeight, false);
        }
        y -= size * 0.6f;
    }

    private void row(List<String> cells, float[] widths, float size, float rowHeight, boolean header)
            throws IOException {
        y -= rowHeight;
        if (header) {
            cs.setNonStrokingColor(new Color(0xe8eaed));
            cs.addRect(MARGIN, y, CONTENT_WIDTH, rowHeight);
            cs.fill();
        } else {
            cs.setStrokingColor(new Color(0xdadce0));
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + CONTENT_WIDTH, y);
            cs.stroke();
        }
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            float w = widths[c] * CONTENT_WIDTH;
            String cell = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
            String shown = fit(cell, size, w - 6);
            float tx = x + 3;
            if (!header && numeric(shown)) {
                tx = x + w - 3 - width(shown, size);
            }
            text(shown, size, tx, y + (rowHeight - size) / 2 + 1, Color.BLACK);
            x += w;
        }
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.matches("[-+]?[0-9.,]+%?");
    }

    private void text(String s, float size, float x, float baseline, Color colour) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(colour);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(s));
        cs.endText();
    }

    float width(String s, float size) throws IOException {
        return font.getStringWidth(safe(s)) / 1000f * size;
    }

    /** The text cut with ".." to fit {@code maxWidth} points. */
    String fit(String s, float size, float maxWidth) throws IOException {
        String t = safe(s);
        if (width(t, size) <= maxWidth) {
            return t;
        }
        int end = t.length();
        while (end > 0 && width(t.substring(0, end) + "..", size) > maxWidth) {
            end = t.offsetByCodePoints(end, -1);
        }
        return t.substring(0, end) + "..";
    }

    /** The text with every character the font cannot show replaced. */
    String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String r = replacements.computeIfAbsent(cp, this::replacement);
            b.append(r);
        });
        return b.toString();
    }

    private String replacement(int cp) {
        String ch = new String(Character.toChars(cp));
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return " ";
        }
        try {
            font.encode(ch);
            return ch;
        } catch (IOException | IllegalArgumentException e) {
            switch (cp) {
                case 0x2264:
                    return "<=";
                case 0x2265:
                    return ">=";
                case 0x2013:
                case 0x2014:
                case 0x2212:
                    return "-";
                case 0x00b7:
                    return ".";
                default:
                    return "?";
            }
        }
    }
}
