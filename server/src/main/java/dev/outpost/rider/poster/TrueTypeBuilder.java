package dev.outpost.rider.poster;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a minimal TrueType font (glyf outlines, a format-4 Unicode cmap) holding just the glyphs given, from their
 * outlines. Cubic curves (as in CFF-based OpenType fonts such as Noto Sans CJK, which PDFBox cannot subset) are
 * approximated by quadratic pieces within {@link #TOLERANCE_UNITS} font units, so the result can be embedded and
 * subset by PDFBox like any TrueType font. Only Basic Multilingual Plane characters are supported. Not thread-safe;
 * use one instance per font.
 *
 * <p>Layout of the tables follows the OpenType specification (head, hhea, maxp, OS/2 version 4, hmtx, cmap format 4,
 * loca long format, glyf simple glyphs without instructions, name, post format 3).
 */
final class TrueTypeBuilder {
    /** Largest distance, in font units, between a cubic curve and its quadratic approximation. */
    static final double TOLERANCE_UNITS = 0.5;

    private final int unitsPerEm;
    private final int ascender;
    private final int descender;
    private final String familyName;
    private final String copyright;
    /** code point → glyph; glyph 0 (.notdef) is added empty. */
    private final TreeMap<Integer, Glyph> glyphs = new TreeMap<>();

    TrueTypeBuilder(int unitsPerEm, int ascender, int descender, String familyName, String copyright) {
        this.unitsPerEm = unitsPerEm;
        this.ascender = ascender;
        this.descender = descender;
        this.familyName = familyName;
        this.copyright = copyright;
    }

    /**
     * Adds the glyph of a character.
     *
     * @param outline the outline in font units, y up
     * @param advanceWidth in font units
     */
    void add(int codePoint, Shape outline, int advanceWidth) {
        if (codePoint < 0x20 || codePoint > 0xFFFD) {
            throw new IllegalArgumentException(
                    String.format(java.util.Locale.ROOT, "U+%04X is outside the supported range", codePoint));
        }
        glyphs.put(codePoint, new Glyph(contours(outline), advanceWidth));
    }

    /** The font file. */
    byte[] build() {
        List<Glyph> list = new ArrayList<>();
        list.add(new Glyph(List.of(), unitsPerEm / 2));
        list.addAll(glyphs.values());
        int numGlyphs = list.size();

        ByteArrayOutputStream glyf = new ByteArrayOutputStream();
        long[] loca = new long[numGlyphs + 1];
        int xMin = Integer.MAX_VALUE, yMin = Integer.MAX_VALUE, xMax = Integer.MIN_VALUE, yMax = Integer.MIN_VALUE;
        int maxPoints = 0, maxContours = 0, advanceMax = 0, minLsb = Integer.MAX_VALUE, minRsb = Integer.MAX_VALUE;
        int maxExtent = 0;
        for (int g = 0; g < numGlyphs; g++) {
            loca[g] = glyf.size();
            Glyph glyph = list.get(g);
            advanceMax = Math.max(advanceMax, glyph.advance);
            if (glyph.contours.isEmpty()) {
                continue;
            }
            int[] box = glyph.box();
            xMin = Math.min(xMin, box[0]);
            yMin = Math.min(yMin, box[1]);
            xMax = Math.max(xMax, box[2]);
            yMax = Math.max(yMax, box[3]);
            minLsb = Math.min(minLsb, box[0]);
            minRsb = Math.min(minRsb, glyph.advance - box[2]);
            maxExtent = Math.max(maxExtent, box[2]);
            maxPoints = Math.max(maxPoints, glyph.pointCount());
            maxContours = Math.max(maxContours, glyph.contours.size());
            writeGlyph(glyf, glyph, box);
            while (glyf.size() % 4 != 0) {
                glyf.write(0);
            }
        }
        loca[numGlyphs] = glyf.size();
        if (xMin == Integer.MAX_VALUE) {
            xMin = yMin = xMax = yMax = 0;
            minLsb = minRsb = 0;
        }

        Map<String, byte[]> tables = new TreeMap<>();
        tables.put("glyf", glyf.toByteArray());
        tables.put("loca", bytes(out -> {
            for (long offset : loca) {
                out.writeInt((int) offset);
            }
        }));
        int fxMin = xMin, fyMin = yMin, fxMax = xMax, fyMax = yMax;
        tables.put("head", bytes(out -> {
            out.writeInt(0x00010000);
            out.writeInt(0x00010000);
            out.writeInt(0); // checkSumAdjustment, set below
            out.writeInt(0x5F0F3CF5);
            out.writeShort(0x0003);
            out.writeShort(unitsPerEm);
            out.writeLong(0);
            out.writeLong(0);
            out.writeShort(fxMin);
            out.writeShort(fyMin);
            out.writeShort(fxMax);
            out.writeShort(fyMax);
            out.writeShort(0);
            out.writeShort(8);
            out.writeShort(2);
            out.writeShort(1); // long loca offsets
            out.writeShort(0);
        }));
        int fAdvanceMax = advanceMax, fMinLsb = minLsb, fMinRsb = minRsb, fMaxExtent = maxExtent;
        tables.put("hhea", bytes(out -> {
            out.writeInt(0x00010000);
            out.writeShort(ascender);
            out.writeShort(descender);
            out.writeShort(0);
            out.writeShort(fAdvanceMax);
            out.writeShort(fMinLsb);
            out.writeShort(fMinRsb);
            out.writeShort(fMaxExtent);
            out.writeShort(1);
            out.writeShort(0);
            out.writeShort(0);
            for (int i = 0; i < 4; i++) {
                out.writeShort(0);
            }
            out.writeShort(0);
            out.writeShort(numGlyphs);
        }));
        int fMaxPoints = maxPoints, fMaxContours = maxContours;
        tables.put("maxp", bytes(out -> {
            out.writeInt(0x00010000);
            out.writeShort(numGlyphs);
            out.writeShort(fMaxPoints);
            out.writeShort(fMaxContours);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(2);
            for (int i = 0; i < 9; i++) {
                out.writeShort(0);
            }
        }));
        tables.put("hmtx", bytes(out -> {
            for (Glyph glyph : list) {
                out.writeShort(glyph.advance);
                out.writeShort(glyph.contours.isEmpty() ? 0 : glyph.box()[0]);
            }
        }));
        int first = glyphs.isEmpty() ? 0x20 : glyphs.firstKey();
        int last = glyphs.isEmpty() ? 0x20 : glyphs.lastKey();
        long average = list.stream().mapToLong(g -> g.advance).sum() / numGlyphs;
        tables.put("OS/2", bytes(out -> {
            out.writeShort(4);
            out.writeShort((int) average);
            out.writeShort(400);
            out.writeShort(5);
            out.writeShort(0); // fsType 0: installable embedding
            int em = unitsPerEm;
            int[] scripts = {
                em * 65 / 100,
                em * 60 / 100,
                0,
                em * 7 / 100,
                em * 65 / 100,
                em * 60 / 100,
                0,
                em * 48 / 100,
                em * 5 / 100,
                em * 26 / 100
            };
            for (int v : scripts) {
                out.writeShort(v);
            }
            out.writeShort(0);
            out.write(new byte[10]);
            out.writeInt(0x00000003); // bits 0-1: Basic Latin, Latin-1 Supplement
            out.writeInt(0x08010000); // bits 48, 59: CJK Symbols and Punctuation, CJK Unified Ideographs
            out.writeInt(0x00000010); // bit 68: Halfwidth and Fullwidth Forms
            out.writeInt(0);
            out.write("OUTP".getBytes(StandardCharsets.US_ASCII));
            out.writeShort(0x0040);
            out.writeShort(first);
            out.writeShort(Math.min(last, 0xFFFF));
            out.writeShort(ascender);
            out.writeShort(descender);
            out.writeShort(0);
            out.writeShort(Math.max(ascender, fyMax));
            out.writeShort(Math.max(-descender, -fyMin));
            out.writeInt(0x00040001); // code pages: Latin 1, simplified Chinese
            out.writeInt(0);
            out.writeShort(em / 2);
            out.writeShort(em * 7 / 10);
            out.writeShort(0);
            out.writeShort(0x20);
            out.writeShort(0);
        }));
        tables.put("cmap", cmap());
        tables.put("name", name());
        tables.put("post", bytes(out -> {
            out.writeInt(0x00030000);
            out.writeInt(0);
            out.writeShort(-unitsPerEm / 10);
            out.writeShort(unitsPerEm / 20);
            for (int i = 0; i < 5; i++) {
                out.writeInt(0);
            }
        }));
        return assemble(tables);
    }

    private byte[] cmap() {
        List<Integer> codes = new ArrayList<>(glyphs.keySet());
        int segCount = codes.size() + 1;
        int searchRange = 2 * Integer.highestOneBit(segCount);
        int entrySelector = Integer.numberOfTrailingZeros(searchRange / 2);
        int rangeShift = 2 * segCount - searchRange;
        byte[] sub = bytes(out -> {
            out.writeShort(4);
            out.writeShort(16 + 8 * segCount);
            out.writeShort(0);
            out.writeShort(2 * segCount);
            out.writeShort(searchRange);
            out.writeShort(entrySelector);
            out.writeShort(rangeShift);
            for (int c : codes) {
                out.writeShort(c);
            }
            out.writeShort(0xFFFF);
            out.writeShort(0);
            for (int c : codes) {
                out.writeShort(c);
            }
            out.writeShort(0xFFFF);
            for (int i = 0; i < codes.size(); i++) {
                out.writeShort((i + 1 - codes.get(i)) & 0xFFFF);
            }
            out.writeShort(1);
            for (int i = 0; i < segCount; i++) {
                out.writeShort(0);
            }
        });
        return bytes(out -> {
            out.writeShort(0);
            out.writeShort(1);
            out.writeShort(3);
            out.writeShort(1);
            out.writeInt(12);
            out.write(sub);
        });
    }

    private byte[] name() {
        String postScript = familyName.replaceAll("[^A-Za-z0-9-]", "") + "-Regular";
        String[][] records = {
            {"0", copyright},
            {"1", familyName},
            {"2", "Regular"},
            {"3", postScript},
            {"4", familyName + " Regular"},
            {"6", postScript}
        };
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        return bytes(out -> {
            out.writeShort(0);
            out.writeShort(records.length);
            out.writeShort(6 + 12 * records.length);
            for (String[] r : records) {
                byte[] text = r[1].getBytes(StandardCharsets.UTF_16BE);
                out.writeShort(3);
                out.writeShort(1);
                out.writeShort(0x0409);
                out.writeShort(Integer.parseInt(r[0]));
                out.writeShort(text.length);
                out.writeShort(strings.size());
                strings.write(text);
            }
            out.write(strings.toByteArray());
        });
    }

    private static byte[] assemble(Map<String, byte[]> tables) {
        int numTables = tables.size();
        int searchRange = 16 * Integer.highestOneBit(numTables);
        int entrySelector = Integer.numberOfTrailingZeros(Integer.highestOneBit(numTables));
        int rangeShift = 16 * numTables - searchRange;
        int offset = 12 + 16 * numTables;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream dir = new ByteArrayOutputStream();
        int headOffset = -1;
        try (DataOutputStream d = new DataOutputStream(dir)) {
            d.writeInt(0x00010000);
            d.writeShort(numTables);
            d.writeShort(searchRange);
            d.writeShort(entrySelector);
            d.writeShort(rangeShift);
            for (Map.Entry<String, byte[]> e : tables.entrySet()) {
                byte[] data = e.getValue();
                if (e.getKey().equals("head")) {
                    headOffset = offset + body.size();
                }
                d.write(e.getKey().getBytes(StandardCharsets.US_ASCII));
                d.writeInt((int) checksum(data));
                d.writeInt(offset + body.size());
                d.writeInt(data.length);
                body.write(data);
                while (body.size() % 4 != 0) {
                    body.write(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] font = new byte[dir.size() + body.size()];
        System.arraycopy(dir.toByteArray(), 0, font, 0, dir.size());
        System.arraycopy(body.toByteArray(), 0, font, dir.size(), body.size());
        long adjustment = (0xB1B0AFBAL - checksum(font)) & 0xFFFFFFFFL;
        int at = headOffset + 8;
        font[at] = (byte) (adjustment >>> 24);
        font[at + 1] = (byte) (adjustment >>> 16);
        font[at + 2] = (byte) (adjustment >>> 8);
        font[at + 3] = (byte) adjustment;
        return font;
    }

    static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }

    private static void writeGlyph(ByteArrayOutputStream target, Glyph glyph, int[] box) {
        target.writeBytes(bytes(out -> {
            out.writeShort(glyph.contours.size());
            out.writeShort(box[0]);
            out.writeShort(box[1]);
            out.writeShort(box[2]);
            out.writeShort(box[3]);
            int end = -1;
            for (List<Point> c : glyph.contours) {
                end += c.size();
                out.writeShort(end);
            }
            out.writeShort(0); // no instructions
            for (List<Point> c : glyph.contours) {
                for (Point p : c) {
                    out.writeByte(p.onCurve ? 1 : 0); // coordinates as 16-bit deltas
                }
            }
            int last = 0;
            for (List<Point> c : glyph.contours) {
                for (Point p : c) {
                    out.writeShort(p.x - last);
                    last = p.x;
                }
            }
            last = 0;
            for (List<Point> c : glyph.contours) {
                for (Point p : c) {
                    out.writeShort(p.y - last);
                    last = p.y;
                }
            }
        }));
    }

    /** The outline as TrueType contours: on-curve points and quadratic control points, rounded to font units. */
    static List<List<Point>> contours(Shape outline) {
        List<List<Point>> contours = new ArrayList<>();
        List<Point> current = null;
        double[] c = new double[6];
        double cx = 0, cy = 0, sx = 0, sy = 0;
        for (PathIterator it = outline.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    finish(contours, current);
                    current = new ArrayList<>();
                    current.add(Point.on(c[0], c[1]));
                    cx = sx = c[0];
                    cy = sy = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    current = started(current, cx, cy);
                    current.add(Point.on(c[0], c[1]));
                    cx = c[0];
                    cy = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    current = started(current, cx, cy);
                    current.add(Point.off(c[0], c[1]));
                    current.add(Point.on(c[2], c[3]));
                    cx = c[2];
                    cy = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    current = started(current, cx, cy);
                    cubic(current, cx, cy, c[0], c[1], c[2], c[3], c[4], c[5]);
                    cx = c[4];
                    cy = c[5];
                }
                case PathIterator.SEG_CLOSE -> {
                    finish(contours, current);
                    current = null;
                    cx = sx;
                    cy = sy;
                }
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        finish(contours, current);
        return contours;
    }

    private static List<Point> started(List<Point> current, double x, double y) {
        if (current != null) {
            return current;
        }
        List<Point> fresh = new ArrayList<>();
        fresh.add(Point.on(x, y));
        return fresh;
    }

    private static void finish(List<List<Point>> contours, List<Point> contour) {
        if (contour == null) {
            return;
        }
        // drop repeated points and a closing point equal to the start
        List<Point> clean = new ArrayList<>();
        for (Point p : contour) {
            if (clean.isEmpty() || !clean.get(clean.size() - 1).samePlace(p) || !p.onCurve) {
                clean.add(p);
            }
        }
        if (clean.size() > 1
                && clean.get(clean.size() - 1).samePlace(clean.get(0))
                && clean.get(clean.size() - 1).onCurve) {
            clean.remove(clean.size() - 1);
        }
        if (clean.size() >= 3) {
            contours.add(clean);
        }
    }

    /** Appends quadratic pieces approximating the cubic from the current point (x0, y0). */
    static void cubic(
            List<Point> out, double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
        // error of one quadratic for a cubic ≈ √3/36 · |p3 − 3p2 + 3p1 − p0|, shrinking with the cube of the pieces
        double dx = x3 - 3 * x2 + 3 * x1 - x0;
        double dy = y3 - 3 * y2 + 3 * y1 - y0;
        double error = Math.sqrt(3) / 36 * Math.hypot(dx, dy);
        int pieces = (int) Math.min(16, Math.max(1, Math.ceil(Math.cbrt(error / TOLERANCE_UNITS))));
        for (int i = 0; i < pieces; i++) {
            double t0 = (double) i / pieces;
            double t1 = (double) (i + 1) / pieces;
            Point2D a = at(t0, x0, y0, x1, y1, x2, y2, x3, y3);
            Point2D b = at(t1, x0, y0, x1, y1, x2, y2, x3, y3);
            Point2D da = derivative(t0, x0, y0, x1, y1, x2, y2, x3, y3);
            Point2D db = derivative(t1, x0, y0, x1, y1, x2, y2, x3, y3);
            double h = (t1 - t0) / 3;
            // control points of the sub-cubic, then the quadratic control (3(c1 + c2) − (a + b)) / 4
            double c1x = a.getX() + da.getX() * h;
            double c1y = a.getY() + da.getY() * h;
            double c2x = b.getX() - db.getX() * h;
            double c2y = b.getY() - db.getY() * h;
            double qx = (3 * (c1x + c2x) - (a.getX() + b.getX())) / 4;
            double qy = (3 * (c1y + c2y) - (a.getY() + b.getY())) / 4;
            out.add(Point.off(qx, qy));
            out.add(Point.on(b.getX(), b.getY()));
        }
    }

    private static Point2D at(
            double t, double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
        double u = 1 - t;
        double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        return new Point2D.Double(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3);
    }

    private static Point2D derivative(
            double t, double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
        double u = 1 - t;
        double a = 3 * u * u, b = 6 * u * t, c = 3 * t * t;
        return new Point2D.Double(
                a * (x1 - x0) + b * (x2 - x1) + c * (x3 - x2), a * (y1 - y0) + b * (y2 - y1) + c * (y3 - y2));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    record Point(int x, int y, boolean onCurve) {
        static Point on(double x, double y) {
            return new Point((int) Math.round(x), (int) Math.round(y), true);
        }

        static Point off(double x, double y) {
            return new Point((int) Math.round(x), (int) Math.round(y), false);
        }

        boolean samePlace(Point o) {
            return x == o.x && y == o.y;
        }
    }

    private record Glyph(List<List<Point>> contours, int advance) {
        int pointCount() {
            return contours.stream().mapToInt(List::size).sum();
        }

        /** xMin, yMin, xMax, yMax over all points (control points included, as TrueType allows). */
        int[] box() {
            Rectangle2D.Double r = null;
            for (List<Point> c : contours) {
                for (Point p : c) {
                    if (r == null) {
                        r = new Rectangle2D.Double(p.x, p.y, 0, 0);
                    } else {
                        r.add(p.x, p.y);
                    }
                }
            }
            return r == null
                    ? new int[4]
                    : new int[] {(int) r.getMinX(), (int) r.getMinY(), (int) r.getMaxX(), (int) r.getMaxY()};
        }
    }
}
