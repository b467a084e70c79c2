package dev.outpost.rider.poster;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws a {@link PosterContent} on an A4 page: as a PNG (150 dpi, 1240 × 1754 px) and as a PDF with real, searchable
 * text in an embedded subset of the CJK font. Both come from one layout, in PDF points with the origin at the top
 * left. Thread-safe (the font is).
 */
public final class PosterRenderer {
    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 48;
    /** Pixels per point of the PNG (150 dpi). */
    static final double PNG_SCALE = 150.0 / 72;

    private static final Color ORANGE = new Color(0xC2, 0x41, 0x0C);
    private static final Color INK = new Color(0x11, 0x11, 0x11);
    private static final Color GREY = new Color(0x44, 0x44, 0x44);
    private static final Color WHITE = Color.WHITE;

    private final PosterFont font;

    public PosterRenderer(PosterFont font) {
        this.font = Objects.requireNonNull(font, "font");
    }

    /** The poster as a PNG image. */
    public byte[] png(PosterContent content) {
        List<Op> ops = layout(content);
        int w = (int) Math.round(PAGE_WIDTH * PNG_SCALE);
        int h = (int) Math.round(PAGE_HEIGHT * PNG_SCALE);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(PNG_SCALE, PNG_SCALE);
            for (Op op : ops) {
                if (op instanceof Box b) {
                    g.setColor(b.color);
                    g.fill(new java.awt.geom.Rectangle2D.Float(b.x, b.y, b.w, b.h));
                } else if (op instanceof Text t) {
                    g.setColor(t.color);
                    double scale = t.size / font.unitsPerEm();
                    double x = t.x;
                    for (int cp : t.text.codePoints().toArray()) {
                        GeneralPath glyph = font.outline(cp);
                        AffineTransform at = new AffineTransform();
                        at.translate(x, t.baseline);
                        at.scale(scale, -scale);
                        glyph.transform(at);
                        g.fill(glyph);
                        x += font.advance(cp) * scale;
                    }
                } else if (op instanceof Qr q) {
                    // QR modules must stay sharp: no antialiasing, whole pixels
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                    AffineTransform saved = g.getTransform();
                    g.setTransform(new AffineTransform());
                    int modules = q.matrix.getWidth();
                    int module = (int) Math.floor(q.size * PNG_SCALE / modules);
                    int x0 = (int) Math.round(q.x * PNG_SCALE + (q.size * PNG_SCALE - module * modules) / 2);
                    int y0 = (int) Math.round(q.y * PNG_SCALE + (q.size * PNG_SCALE - module * modules) / 2);
                    g.setColor(Color.BLACK);
                    for (int my = 0; my < modules; my++) {
                        for (int mx = 0; mx < modules; mx++) {
                            if (q.matrix.get(mx, my)) {
                                g.fillRect(x0 + mx * module, y0 + my * module, module, module);
                            }
                        }
                    }
                    g.setTransform(saved);
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The poster as a one-page PDF. */
    public byte[] pdf(PosterContent content) {
        List<Op> ops = layout(content);
        List<String> texts = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof Text t) {
                texts.add(t.text);
            }
        }
        byte[] ttf = font.trueTypeFor(texts.toArray(new String[0]));
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(PosterContent.TITLE_ZH + " · " + content.name());
            info.setCreator("Outpost 前哨");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font pdfFont = PDType0Font.load(doc, new ByteArrayInputStream(ttf), true);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (Op op : ops) {
                    if (op instanceof Box b) {
                        cs.setNonStrokingColor(b.color);
                        cs.addRect(b.x, PAGE_HEIGHT - b.y - b.h, b.w, b.h);
                        cs.fill();
                    } else if (op instanceof Text t) {
                        cs.setNonStrokingColor(t.color);
                        cs.beginText();
                        cs.setFont(pdfFont, t.size);
                        cs.newLineAtOffset(t.x, PAGE_HEIGHT - t.baseline);
                        cs.showText(t.text);
                        cs.endText();
                    } else if (op instanceof Qr q) {
                        int modules = q.matrix.getWidth();
                        float module = q.size / modules;
                        cs.setNonStrokingColor(Color.BLACK);
                        for (int my = 0; my < modules; my++) {
                            // one rectangle per run of dark modules, so that viewers show no seams between them
                            int mx = 0;
                            while (mx < modules) {
                                if (!q.matrix.get(mx, my)) {
                                    mx++;
                                    continue;
                                }
                                int start = mx;
                                while (mx < modules && q.matrix.get(mx, my)) {
                                    mx++;
                                }
                                cs.addRect(
                                        q.x + start * module,
                                        PAGE_HEIGHT - q.y - (my + 1) * module,
                                        (mx - start) * module,
                                        module);
                            }
                        }
                        cs.fill();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The drawing operations of a poster, in points from the top-left corner. */
    List<Op> layout(PosterContent c) {
        List<Op> ops = new ArrayList<>();
        float width = PAGE_WIDTH - 2 * MARGIN;
        ops.add(new Box(0, 0, PAGE_WIDTH, 128, ORANGE));
        ops.add(text(MARGIN, 66, 42, WHITE, PosterContent.TITLE_ZH));
        ops.add(text(MARGIN, 106, 24, WHITE, PosterContent.TITLE_EN));
        float y = 176;
        for (String line : wrap(c.name(), 30, width)) {
            ops.add(text(MARGIN, y, 30, INK, line));
            y += 38;
        }
        ops.add(text(MARGIN, y, 15, GREY, c.kind()));
        y += 22;
        float qrSize = 250;
        ops.add(new Qr((PAGE_WIDTH - qrSize) / 2, y, qrSize, qr(c.url())));
        y += qrSize + 34;
        String codeLine = "站点码 Code  " + c.code();
        ops.add(text(centre(codeLine, 22), y, 22, INK, codeLine));
        y += 22;
        ops.add(text(centre(c.url(), 12), y, 12, GREY, c.url()));
        y += 40;
        y = field(ops, "地址 Address", c.address(), y, width);
        y = field(ops, "服务 Services", c.servicesZh(), y, width);
        if (!c.servicesEn().equals("—")) {
            for (String line : wrap(c.servicesEn(), 13, width)) {
                ops.add(text(MARGIN, y, 13, GREY, line));
                y += 19;
            }
            y += 8;
        }
        field(ops, "开放时间 Opening hours", c.hours(), y, width);
        ops.add(new Box(MARGIN, PAGE_HEIGHT - 66, width, 1.5f, GREY));
        ops.add(text(MARGIN, PAGE_HEIGHT - 46, 10, GREY, PosterContent.FOOTER_ZH));
        ops.add(text(MARGIN, PAGE_HEIGHT - 32, 10, GREY, PosterContent.FOOTER_EN));
        return ops;
    }

    private float field(List<Op> ops, String label, String value, float y, float width) {
        ops.add(text(MARGIN, y, 12, ORANGE, label));
        y += 20;
        for (String line : wrap(value, 15, width)) {
            ops.add(text(MARGIN, y, 15, INK, line));
            y += 21;
        }
        return y + 10;
    }

    private Text text(float x, float baseline, float size, Color color, String text) {
        return new Text(x, baseline, size, color, font.displayable(text));
    }

    private float centre(String text, float size) {
        return (PAGE_WIDTH - font.width(font.displayable(text)) * size / font.unitsPerEm()) / 2;
    }

    /**
     * Greedy line breaking within {@code width} points: between any two CJK characters, and at spaces between
     * other words; a word longer than a line is cut.
     */
    List<String> wrap(String text, float size, float width) {
        String s = font.displayable(text).strip();
        float max = width * font.unitsPerEm() / size;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lineWidth = 0;
        int[] cps = s.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            // next token: one CJK character, or a run of non-space non-CJK characters plus following spaces
            int j = i + 1;
            if (!isCjk(cps[i]) && cps[i] != ' ') {
                while (j < cps.length && cps[j] != ' ' && !isCjk(cps[j])) {
                    j++;
                }
            }
            while (j < cps.length && cps[j] == ' ') {
                j++;
            }
            String token = new String(cps, i, j - i);
            int tokenWidth = font.width(token);
            int visibleWidth = font.width(token.stripTrailing());
            if (lineWidth + visibleWidth > max && line.length() > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                lineWidth = 0;
                token = token.stripLeading();
                tokenWidth = font.width(token);
            }
            if (tokenWidth > max) {
                // a very long word: cut it character by character
                for (int cp : token.codePoints().toArray()) {
                    int w = font.advance(cp);
                    if (lineWidth + w > max && line.length() > 0) {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    line.appendCodePoint(cp);
                    lineWidth += w;
                }
            } else {
                line.append(token);
                lineWidth += tokenWidth;
            }
            i = j;
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    /** The QR code of a URL: error correction M (15 %), no margin (the page is white around it). */
    static BitMatrix qr(String url) {
        try {
            return new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    0,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + url + "' as a QR code: " + e.getMessage(), e);
        }
    }

    interface Op {}

    record Box(float x, float y, float w, float h, Color color) implements Op {}

    record Text(float x, float baseline, float size, Color color, String text) implements Op {}

    record Qr(float x, float y, float size, BitMatrix matrix) implements Op {}
}
