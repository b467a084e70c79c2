package dev.outpost.report;

import dev.outpost.district.District;
import dev.outpost.geo.HexGrid;
import dev.outpost.review.AreaMap;
import dev.outpost.station.Station;
import dev.outpost.station.StationStatus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws the map of a reviewed area with Java2D, without tiles or text: demand cells coloured by minutes to the
 * nearest station (the web page's classes), the subareas' borders, the area's border and the stations. Longitude is
 * scaled by cos(latitude) so shapes keep their proportions. Stateless; thread-safe.
 */
public final class AreaMapRenderer {
    /** Minute classes: upper bound (inclusive) and colour, as on the web page. */
    static final double[] CLASS_MAX_MINUTES = {5, 10, 15, 20, 30, Double.POSITIVE_INFINITY};

    static final Color[] CLASS_COLORS = {
        new Color(0x1a9850),
        new Color(0x74c365),
        new Color(0xf2d64b),
        new Color(0xf46d43),
        new Color(0xd73027),
        new Color(0x8e0f24)
    };
    static final Color UNREACHABLE = new Color(0xb4b9bf);
    static final Color STATION_OPEN = new Color(0x1967d2);
    static final Color STATION_OTHER = new Color(0x9aa0a6);
    static final Color LITTLE_USED = new Color(0xe8710a);

    private AreaMapRenderer() {}

    /** The colour of a cell with these minutes (null: unreachable or off the network). */
    static Color colour(Double minutes) {
        if (minutes == null || minutes.isNaN()) {
            return UNREACHABLE;
        }
        for (int i = 0; i < CLASS_MAX_MINUTES.length; i++) {
            if (minutes <= CLASS_MAX_MINUTES[i]) {
                return CLASS_COLORS[i];
            }
        }
        return CLASS_COLORS[CLASS_COLORS.length - 1];
    }

    /** The map as an image at most {@code maxWidth} × {@code maxHeight} pixels, keeping the area's proportions. */
    public static BufferedImage render(AreaMap map, int maxWidth, int maxHeight) {
        if (maxWidth < 16 || maxHeight < 16) {
            throw new IllegalArgumentException("map size " + maxWidth + "×" + maxHeight + " is below 16×16 pixels");
        }
        Envelope env = map.area().boundary().getEnvelopeInternal();
        double midLat = (env.getMinY() + env.getMaxY()) / 2;
        double kx = Math.cos(Math.toRadians(midLat));
        double w = Math.max(env.getWidth() * kx, 1e-9);
        double h = Math.max(env.getHeight(), 1e-9);
        int pad = 8;
        double scale = Math.min((maxWidth - 2.0 * pad) / w, (maxHeight - 2.0 * pad) / h);
        int width = (int) Math.ceil(w * scale) + 2 * pad;
        int height = (int) Math.ceil(h * scale) + 2 * pad;
        Projection proj = new Projection(env.getMinX(), env.getMaxY(), kx, scale, pad);

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Shape areaShape = shape(map.area().boundary(), proj);
            g.setColor(new Color(0xf1f3f4));
            g.fill(areaShape);
            if (map.resolution() > 0) {
                HexGrid grid = new HexGrid(map.resolution());
                g.setClip(areaShape);
                for (AreaMap.Cell c : map.cells()) {
                    g.setColor(colour(c.minutes()));
                    Shape hex = shape(grid.boundary(c.cell()), proj);
                    g.fill(hex);
                }
                g.setClip(null);
            }
            g.setColor(new Color(0x3c4043));
            g.setStroke(new BasicStroke(
                    2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f));
            for (District child : map.children()) {
                g.draw(shape(child.boundary(), proj));
            }
            g.setColor(new Color(0x202124));
            g.setStroke(new BasicStroke(2.6f));
            g.draw(areaShape);
            double r = Math.max(3.5, Math.min(width, height) / 120.0);
            for (Station s : map.stations()) {
                double[] p = proj.apply(s.location().lon(), s.location().lat());
                Ellipse2D dot = new Ellipse2D.Double(p[0] - r, p[1] - r, 2 * r, 2 * r);
                boolean little = s.id() != null && map.littleUsedStationIds().contains(s.id());
                g.setColor(little ? LITTLE_USED : s.status() == StationStatus.OPEN ? STATION_OPEN : STATION_OTHER);
                g.fill(dot);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(dot);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The map as PNG bytes. */
    public static byte[] png(AreaMap map, int maxWidth, int maxHeight) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(map, maxWidth, maxHeight), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Projection(double minLon, double maxLat, double kx, double scale, int pad) {
        double[] apply(double lon, double lat) {
            return new double[] {pad + (lon - minLon) * kx * scale, pad + (maxLat - lat) * scale};
        }
    }

    private static Shape shape(Geometry geometry, Projection proj) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon poly) {
                ring(path, poly.getExteriorRing().getCoordinates(), proj);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    ring(path, poly.getInteriorRingN(h).getCoordinates(), proj);
                }
            }
        }
        return path;
    }

    private static void ring(Path2D.Double path, Coordinate[] cs, Projection proj) {
        for (int k = 0; k < cs.length; k++) {
            double[] p = proj.apply(cs[k].x, cs[k].y);
            if (k == 0) {
                path.moveTo(p[0], p[1]);
            } else {
                path.lineTo(p[0], p[1]);
            }
        }
        path.closePath();
    }
}
