package dev.outpost.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Geographic coordinate systems met in Chinese data, and their conversion to and from WGS 84.
 *
 * <ul>
 *   <li>{@link #WGS84}: WGS 84, EPSG:4326, what GPS receivers and OpenStreetMap use; the project's own CRS.
 *   <li>{@link #CGCS2000}: China Geodetic Coordinate System 2000, EPSG:4490, used by official surveying and
 *       Tianditu. Its ellipsoid and realisation differ from WGS 84 by centimetres, far below what matters for
 *       placing rest stations, so it is treated as identical to WGS 84 (no shift).
 *   <li>{@link #GCJ02}: the obfuscated "Mars coordinates" (火星坐标) required for published maps in China, used by
 *       Amap (高德) and Tencent Maps. Converted with the public GCJ-02 algorithm (Krasovsky semi-major axis
 *       6378245.0 m, eccentricity² 0.00669342162296594323); points outside China's rough box ({@link
 *       #insideChina}) are not shifted by that algorithm.
 *   <li>{@link #BD09}: Baidu's coordinates, GCJ-02 shifted once more by Baidu's public formula.
 * </ul>
 *
 * <p>Conversion from GCJ-02 and BD-09 to WGS 84 inverts the forward algorithm by fixed-point iteration to better
 * than 1e-9 degrees (about 0.1 mm), so a round trip returns the start to well under 0.5 m, unlike the common
 * one-step approximation (1–2 m). All methods use longitude/latitude in decimal degrees, are pure and
 * thread-safe.
 */
public enum CoordinateSystem {
    /** WGS 84, EPSG:4326. */
    WGS84("wgs84", 4326),
    /** CGCS2000, EPSG:4490; treated as identical to WGS 84 (the difference is centimetres). */
    CGCS2000("cgcs2000", 4490),
    /** GCJ-02 (Amap, Tencent): no EPSG code. */
    GCJ02("gcj02", 0),
    /** BD-09 (Baidu) longitude/latitude: no EPSG code. */
    BD09("bd09", 0);

    // GCJ-02 constants of the public algorithm: the Krasovsky 1940 ellipsoid.
    private static final double GCJ_A = 6378245.0;
    private static final double GCJ_EE = 0.00669342162296594323;
    // BD-09's angle factor: pi * 3000 / 180.
    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;
    private static final double CONVERGED_DEGREES = 1e-10;
    private static final int MAX_ITERATIONS = 50;

    private static final Map<String, CoordinateSystem> ALIASES = new TreeMap<>();

    static {
        for (String a : List.of("wgs84", "wgs-84", "wgs 84", "epsg:4326", "4326")) {
            ALIASES.put(a, WGS84);
        }
        for (String a : List.of("cgcs2000", "epsg:4490", "4490")) {
            ALIASES.put(a, CGCS2000);
        }
        for (String a : List.of("gcj02", "gcj-02", "amap", "tencent")) {
            ALIASES.put(a, GCJ02);
        }
        for (String a : List.of("bd09", "bd-09", "baidu", "bd09ll")) {
            ALIASES.put(a, BD09);
        }
    }

    private final String code;
    private final int epsg;

    CoordinateSystem(String code, int epsg) {
        this.code = code;
        this.epsg = epsg;
    }

    /** The canonical lower-case code, e.g. {@code "gcj02"}. */
    public String code() {
        return code;
    }

    /** The EPSG code, or 0 for GCJ-02 and BD-09, which have none. */
    public int epsg() {
        return epsg;
    }

    /**
     * Parses a code or alias, case-insensitively and ignoring surrounding blanks: {@code wgs84}, {@code epsg:4326},
     * {@code 4326}, {@code cgcs2000}, {@code epsg:4490}, {@code 4490}, {@code gcj02}, {@code gcj-02}, {@code amap},
     * {@code tencent}, {@code bd09}, {@code bd-09}, {@code bd09ll}, {@code baidu}.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static CoordinateSystem parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        CoordinateSystem cs = ALIASES.get(key);
        if (cs == null) {
            throw new IllegalArgumentException("unknown coordinate system '" + text + "'; expected one of "
                    + String.join(", ", new ArrayList<>(ALIASES.keySet())));
        }
        return cs;
    }

    /**
     * Whether a point lies in the rough box of China (72.004–137.8347 E, 0.8293–55.8271 N) inside which the GCJ-02
     * algorithm shifts coordinates. GCJ-02 and BD-09 input outside this box cannot be converted meaningfully:
     * importers reject such rows.
     */
    public static boolean insideChina(double lon, double lat) {
        return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
    }

    /**
     * Converts a position given in this system to WGS 84.
     *
     * @param lon longitude in this system, degrees
     * @param lat latitude in this system, degrees
     * @throws IllegalArgumentException if the result is outside the valid longitude/latitude range
     */
    public LatLon toWgs84(double lon, double lat) {
        checkFinite(lon, lat);
        switch (this) {
            case WGS84:
            case CGCS2000:
                return new LatLon(lat, lon);
            case GCJ02: {
                double[] w = gcj02ToWgs84(lon, lat);
                return new LatLon(w[1], w[0]);
            }
            case BD09: {
                double[] g = bd09ToGcj02(lon, lat);
                double[] w = gcj02ToWgs84(g[0], g[1]);
                return new LatLon(w[1], w[0]);
            }
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Converts a WGS 84 position to this system. The returned {@link LatLon} holds coordinates <em>in this
     * system</em> (for GCJ-02 and BD-09 not WGS 84), e.g. to hand a position to Amap or Baidu.
     */
    public LatLon fromWgs84(LatLon wgs84) {
        switch (this) {
            case WGS84:
            case CGCS2000:
                return wgs84;
            case GCJ02: {
                double[] g = wgs84ToGcj02(wgs84.lon(), wgs84.lat());
                return new LatLon(g[1], g[0]);
            }
            case BD09: {
                double[] g = wgs84ToGcj02(wgs84.lon(), wgs84.lat());
                double[] b = gcj02ToBd09(g[0], g[1]);
                return new LatLon(b[1], b[0]);
            }
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * A copy of {@code geometry} with every coordinate converted from this system to WGS 84, SRID 4326. The input
     * is not modified. Coordinates outside China's box are left as the GCJ-02 algorithm leaves them (unshifted).
     */
    public Geometry toWgs84(Geometry geometry) {
        Geometry copy = geometry.copy();
        if (this != WGS84 && this != CGCS2000) {
            copy.apply(new ToWgs84Filter(this));
        }
        copy.setSRID(Geometries.WGS84_SRID);
        return copy;
    }

    /** Same as {@code from.toWgs84(geometry)}: converts every coordinate of a JTS geometry to WGS 84. */
    public static Geometry transform(Geometry geometry, CoordinateSystem from) {
        return from.toWgs84(geometry);
    }

    private static final class ToWgs84Filter implements CoordinateSequenceFilter {
        private final CoordinateSystem from;

        ToWgs84Filter(CoordinateSystem from) {
            this.from = from;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            LatLon w = from.toWgs84(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, CoordinateSequence.X, w.lon());
            seq.setOrdinate(i, CoordinateSequence.Y, w.lat());
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }

    // ---- GCJ-02 ----

    /** WGS 84 to GCJ-02 by the public algorithm; {@code [lon, lat]}. Unshifted outside China's box. */
    static double[] wgs84ToGcj02(double lon, double lat) {
        if (!insideChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double[] d = gcjOffset(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    /**
     * GCJ-02 to WGS 84 by fixed-point iteration on the forward algorithm: the WGS 84 estimate is corrected by the
     * residual of its forward image until the residual is below 1e-10 degrees.
     */
    static double[] gcj02ToWgs84(double lon, double lat) {
        if (!insideChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] g = wgs84ToGcj02(wLon, wLat);
            double errLon = g[0] - lon;
            double errLat = g[1] - lat;
            wLon -= errLon;
            wLat -= errLat;
            if (Math.abs(errLon) < CONVERGED_DEGREES && Math.abs(errLat) < CONVERGED_DEGREES) {
                break;
            }
        }
        return new double[] {wLon, wLat};
    }

    /** The GCJ-02 shift {@code [dLon, dLat]} in degrees at a WGS 84 position. */
    private static double[] gcjOffset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double radLat = Math.toRadians(lat);
        double s = Math.sin(radLat);
        double w = 1 - GCJ_EE * s * s;
        double sqrtW = Math.sqrt(w);
        // Metres-like shifts of the algorithm turned into degrees on the Krasovsky ellipsoid: the meridian radius of
        // curvature for latitude, the parallel's radius for longitude.
        double dLat = shiftLat(x, y) * 180.0 / ((GCJ_A * (1 - GCJ_EE)) / (w * sqrtW) * Math.PI);
        double dLon = shiftLon(x, y) * 180.0 / (GCJ_A / sqrtW * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double shiftLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double shiftLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }

    // ---- BD-09 ----

    /** GCJ-02 to BD-09 by Baidu's public formula; {@code [lon, lat]}. */
    static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /**
     * BD-09 to GCJ-02: the public one-step formula (good to about 0.2 m) refined by fixed-point iteration on {@link
     * #gcj02ToBd09} to below 1e-10 degrees.
     */
    static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        double gLon = z * Math.cos(theta);
        double gLat = z * Math.sin(theta);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] b = gcj02ToBd09(gLon, gLat);
            double errLon = b[0] - lon;
            double errLat = b[1] - lat;
            if (Math.abs(errLon) < CONVERGED_DEGREES && Math.abs(errLat) < CONVERGED_DEGREES) {
                break;
            }
            gLon -= errLon;
            gLat -= errLat;
        }
        return new double[] {gLon, gLat};
    }

    private static void checkFinite(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException("coordinate (" + lon + ", " + lat + ") is not a finite number");
        }
    }
}
