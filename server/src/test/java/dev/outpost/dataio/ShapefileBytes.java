package dev.outpost.dataio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-assembles Shapefile bytes for tests, following the ESRI technical description byte by byte, independent of
 * the production reader: polygon records (type 5) from rings given as x,y pairs, the .shx index and a dBASE III
 * table of character fields.
 */
final class ShapefileBytes {
    private ShapefileBytes() {}

    /** The .shp of polygon records; each record is a list of rings, each ring {x0, y0, x1, y1, ...} (closed). */
    static byte[] polygons(List<List<double[]>> records) {
        return polygons(records, 5);
    }

    /** Same with another polygon shape type (15 = PolygonZ: zero Z values are appended). */
    static byte[] polygons(List<List<double[]>> records, int shapeType) {
        List<byte[]> contents = new ArrayList<>();
        for (List<double[]> rings : records) {
            contents.add(polygonContent(rings, shapeType));
        }
        return file(contents, shapeType, false);
    }

    /** The .shp of point records (type 1), each {x, y}. */
    static byte[] points(List<double[]> points) {
        List<byte[]> contents = new ArrayList<>();
        for (double[] p : points) {
            contents.add(ByteBuffer.allocate(20)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(1)
                    .putDouble(p[0])
                    .putDouble(p[1])
                    .array());
        }
        return file(contents, 1, false);
    }

    /** The .shx index matching {@link #polygons}. */
    static byte[] index(List<List<double[]>> records) {
        List<byte[]> contents = new ArrayList<>();
        for (List<double[]> rings : records) {
            contents.add(polygonContent(rings, 5));
        }
        return file(contents, 5, true);
    }

    private static byte[] polygonContent(List<double[]> rings, int shapeType) {
        int points = 0;
        for (double[] r : rings) {
            points += r.length / 2;
        }
        int size = 44 + 4 * rings.size() + 16 * points;
        if (shapeType == 15) {
            size += 16 + 8 * points;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        double[] box = box(rings);
        b.putInt(shapeType);
        for (double v : box) {
            b.putDouble(v);
        }
        b.putInt(rings.size());
        b.putInt(points);
        int start = 0;
        for (double[] r : rings) {
            b.putInt(start);
            start += r.length / 2;
        }
        for (double[] r : rings) {
            for (double v : r) {
                b.putDouble(v);
            }
        }
        if (shapeType == 15) {
            b.putDouble(0).putDouble(0);
            for (int i = 0; i < points; i++) {
                b.putDouble(0);
            }
        }
        return b.array();
    }

    private static double[] box(List<double[]> rings) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] r : rings) {
            for (int i = 0; i < r.length; i += 2) {
                minX = Math.min(minX, r[i]);
                maxX = Math.max(maxX, r[i]);
                minY = Math.min(minY, r[i + 1]);
                maxY = Math.max(maxY, r[i + 1]);
            }
        }
        return new double[] {minX, minY, maxX, maxY};
    }

    private static byte[] file(List<byte[]> contents, int shapeType, boolean index) {
        int length = 100;
        for (byte[] c : contents) {
            length += index ? 8 : 8 + c.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, length / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType);
        int offset = 100;
        int shpOffset = 100;
        int number = 1;
        for (byte[] c : contents) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (index) {
                b.putInt(offset, shpOffset / 2).putInt(offset + 4, c.length / 2);
                offset += 8;
            } else {
                b.putInt(offset, number).putInt(offset + 4, c.length / 2);
                System.arraycopy(c, 0, b.array(), offset + 8, c.length);
                offset += 8 + c.length;
            }
            shpOffset += 8 + c.length;
            number++;
        }
        return b.array();
    }

    /**
     * A dBASE III table of character fields.
     *
     * @param fields field name → width in bytes
     * @param records values per record in field order
     * @param languageDriver byte 29 (0 = none, 0x4D = code page 936)
     */
    static byte[] dbf(
            LinkedHashMap<String, Integer> fields, List<List<String>> records, Charset charset, int languageDriver) {
        int recordLength = 1;
        for (int w : fields.values()) {
            recordLength += w;
        }
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * records.size() + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 3);
        b.put(1, (byte) 124).put(2, (byte) 1).put(3, (byte) 1);
        b.putInt(4, records.size());
        b.putShort(8, (short) headerLength);
        b.putShort(10, (short) recordLength);
        b.put(29, (byte) languageDriver);
        int offset = 32;
        for (Map.Entry<String, Integer> f : fields.entrySet()) {
            byte[] name = f.getKey().getBytes(charset);
            System.arraycopy(name, 0, b.array(), offset, Math.min(10, name.length));
            b.put(offset + 11, (byte) 'C');
            b.put(offset + 16, (byte) (int) f.getValue());
            offset += 32;
        }
        b.put(offset, (byte) 0x0D);
        offset = headerLength;
        for (List<String> record : records) {
            b.put(offset, (byte) ' ');
            int at = offset + 1;
            int i = 0;
            for (int width : fields.values()) {
                byte[] v = record.get(i++).getBytes(charset);
                for (int k = 0; k < width; k++) {
                    b.put(at + k, k < v.length ? v[k] : (byte) ' ');
                }
                at += width;
            }
            offset += recordLength;
        }
        b.put(offset, (byte) 0x1A);
        return b.array();
    }

    /** A zip of the given entries (names used as given, even hostile ones). */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A closed clockwise square ring (a shapefile outer ring) with its lower-left corner at x, y. */
    static double[] clockwiseSquare(double x, double y, double side) {
        return new double[] {x, y, x, y + side, x + side, y + side, x + side, y, x, y};
    }

    /** A closed counter-clockwise square ring (a shapefile hole). */
    static double[] counterClockwiseSquare(double x, double y, double side) {
        return new double[] {x, y, x + side, y, x + side, y + side, x, y + side, x, y};
    }
}
