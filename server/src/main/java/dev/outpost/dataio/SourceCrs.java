package dev.outpost.dataio;

import dev.outpost.geo.CoordinateSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.LongLatProjection;

/**
 * What a file says about its own coordinate reference system: a Shapefile {@code .prj} (WKT 1, ESRI or OGC
 * flavour) or a GeoJSON {@code crs} member. Geographic WGS 84 and CGCS2000 are recognised; a projected CRS on either
 * datum is reprojected to WGS 84 with proj4j when it is a transverse Mercator (Gauss-Krüger, UTM), Web Mercator or
 * has an EPSG code proj4j knows; anything else projected is refused. Immutable and thread-safe.
 */
final class SourceCrs {
    /** The kinds of declaration. */
    enum Kind {
        /** No declaration. */
        NONE,
        /** Geographic WGS 84 longitude/latitude. */
        WGS84,
        /** Geographic CGCS2000 longitude/latitude (treated as WGS 84). */
        CGCS2000,
        /** Geographic on another datum (Beijing 1954, Xi'an 1980...): read as longitude/latitude, with a warning. */
        OTHER_GEOGRAPHIC,
        /** Projected; {@link #reproject} turns it into WGS 84. */
        PROJECTED
    }

    static final SourceCrs NONE = new SourceCrs(Kind.NONE, null, null);

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(?:[0-9.]*:)?(\\d+)", Pattern.CASE_INSENSITIVE);

    private final Kind kind;
    private final String name;
    private final CoordinateTransform toWgs84;

    private SourceCrs(Kind kind, String name, CoordinateTransform toWgs84) {
        this.kind = kind;
        this.name = name;
        this.toWgs84 = toWgs84;
    }

    Kind kind() {
        return kind;
    }

    /** A short name for messages, e.g. "CGCS2000_3_Degree_GK_CM_114E". */
    String name() {
        return name;
    }

    /** Reprojects a projected geometry to WGS 84 longitude/latitude; returns other geometries unchanged. */
    Geometry reproject(Geometry geometry) {
        if (toWgs84 == null) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            private final ProjCoordinate in = new ProjCoordinate();
            private final ProjCoordinate out = new ProjCoordinate();

            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                toWgs84.transform(in, out);
                seq.setOrdinate(i, CoordinateSequence.X, out.x);
                seq.setOrdinate(i, CoordinateSequence.Y, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /**
     * Interprets a GeoJSON {@code crs} name such as {@code urn:ogc:def:crs:OGC:1.3:CRS84} or {@code EPSG:4547}.
     *
     * @throws IllegalArgumentException when the CRS is projected and cannot be reprojected, or unknown
     */
    static SourceCrs fromGeoJson(String crsName) {
        if (crsName == null || crsName.isBlank()) {
            return NONE;
        }
        String n = crsName.trim();
        if (n.toUpperCase(Locale.ROOT).endsWith("CRS84")) {
            return new SourceCrs(Kind.WGS84, n, null);
        }
        Matcher m = EPSG.matcher(n);
        if (!m.find()) {
            throw new IllegalArgumentException("the file declares the coordinate reference system '" + n
                    + "', which is not understood; expected CRS84, EPSG:4326, EPSG:4490 or an EPSG projected code");
        }
        return fromEpsg(Integer.parseInt(m.group(1)), n);
    }

    /**
     * Interprets the WKT of a Shapefile {@code .prj}.
     *
     * @throws IllegalArgumentException when the CRS is projected and cannot be reprojected, or the WKT is unreadable
     */
    static SourceCrs fromPrj(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            return NONE;
        }
        Node root;
        try {
            root = new WktParser(wkt.strip()).node();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the .prj file is not readable WKT: " + e.getMessage(), e);
        }
        String keyword = root.keyword.toUpperCase(Locale.ROOT);
        if (keyword.equals("GEOGCS") || keyword.equals("GEOGCRS") || keyword.equals("GEODCRS")) {
            return geographic(root);
        }
        if (!keyword.equals("PROJCS") && !keyword.equals("PROJCRS")) {
            throw new IllegalArgumentException("the .prj file declares a " + root.keyword
                    + " coordinate system; expected GEOGCS (longitude/latitude) or PROJCS");
        }
        String name = root.text(0);
        Node geog = root.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS");
        SourceCrs base = geog == null ? null : geographic(geog);
        String ellipsoid =
                base == null ? null : base.kind == Kind.WGS84 ? "WGS84" : base.kind == Kind.CGCS2000 ? "GRS80" : null;
        String proj = ellipsoid == null ? null : projParameters(root, ellipsoid);
        try {
            if (proj != null) {
                CoordinateReferenceSystem crs = CRS_FACTORY.createFromParameters(name, proj);
                return projected(crs, name);
            }
            Node authority = root.child("AUTHORITY", "ID");
            if (authority != null && "EPSG".equalsIgnoreCase(authority.text(0))) {
                return fromEpsg(Integer.parseInt(authority.text(1).trim()), name);
            }
        } catch (Proj4jException | NumberFormatException e) {
            throw refusal(name, e.getMessage());
        }
        throw refusal(
                name,
                base == null || ellipsoid == null
                        ? "its datum is not WGS 84 or CGCS2000"
                        : "its projection '" + projectionName(root) + "' is not supported");
    }

    /**
     * Works out how a table's coordinates are to be read, given what the file declares and what the caller declared:
     * a projected file is reprojected (and then is WGS 84, so the caller must not have declared GCJ-02 or BD-09); a
     * geographic declaration defers to the caller's, because GCJ-02 data is routinely saved with a WGS 84 label. Adds
     * a file-level error or warning to {@code problems} as needed.
     *
     * @return the file's CRS, or null when the file is refused
     */
    static SourceCrs resolve(RawTable table, FileFormat format, CoordinateSystem callerCrs, Problems problems) {
        SourceCrs declared;
        try {
            declared = format == FileFormat.SHAPEFILE_ZIP
                    ? fromPrj(table.declaredCrs())
                    : format == FileFormat.GEOJSON ? fromGeoJson(table.declaredCrs()) : NONE;
        } catch (IllegalArgumentException e) {
            problems.error(0, "crs", e.getMessage());
            return null;
        }
        boolean chinaShifted = callerCrs == CoordinateSystem.GCJ02 || callerCrs == CoordinateSystem.BD09;
        switch (declared.kind) {
            case PROJECTED:
                if (chinaShifted) {
                    problems.error(
                            0,
                            "crs",
                            "the file declares the projected coordinate system '" + declared.name
                                    + "' but " + callerCrs.code() + " was declared for it; " + callerCrs.code()
                                    + " coordinates are always longitude/latitude");
                    return null;
                }
                return declared;
            case OTHER_GEOGRAPHIC:
                problems.warning(
                        0,
                        "crs",
                        "the file declares the geographic coordinate system '" + declared.name
                                + "'; its coordinates were read as " + callerCrs.code()
                                + " and may be off by up to about 100 m");
                return declared;
            case WGS84:
            case CGCS2000:
                if (chinaShifted) {
                    problems.warning(
                            0,
                            "crs",
                            "the file declares '" + declared.name + "' but " + callerCrs.code()
                                    + " was declared for it; its coordinates were read as " + callerCrs.code());
                }
                return declared;
            default:
                return declared;
        }
    }

    private static IllegalArgumentException refusal(String name, String why) {
        return new IllegalArgumentException("the .prj file declares the projected coordinate system '" + name
                + "', which cannot be converted to longitude/latitude here (" + why
                + "); export the layer in WGS 84 (EPSG:4326) or CGCS2000 (EPSG:4490)");
    }

    private static SourceCrs geographic(Node geog) {
        String name = geog.text(0);
        Node datum = geog.child("DATUM");
        String datumName = datum == null ? "" : datum.text(0);
        String all = (name + " " + datumName).toUpperCase(Locale.ROOT).replace('_', ' ');
        if (all.contains("CHINA 2000")
                || all.contains("CGCS2000")
                || all.contains("CHINA GEODETIC COORDINATE SYSTEM 2000")) {
            return new SourceCrs(Kind.CGCS2000, name, null);
        }
        if (all.contains("WGS 1984")
                || all.contains("WGS 84")
                || all.contains("WGS84")
                || all.contains("WORLD GEODETIC SYSTEM 1984")) {
            return new SourceCrs(Kind.WGS84, name, null);
        }
        return new SourceCrs(Kind.OTHER_GEOGRAPHIC, name, null);
    }

    private static SourceCrs fromEpsg(int code, String name) {
        if (code == 4326) {
            return new SourceCrs(Kind.WGS84, name, null);
        }
        if (code == 4490) {
            return new SourceCrs(Kind.CGCS2000, name, null);
        }
        CoordinateReferenceSystem crs;
        try {
            crs = CRS_FACTORY.createFromName("EPSG:" + code);
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    "the file declares EPSG:" + code + ", which is not a coordinate system known here", e);
        }
        if (crs == null) {
            throw new IllegalArgumentException("the file declares EPSG:" + code + ", which is not known here");
        }
        if (crs.getProjection() instanceof LongLatProjection) {
            return new SourceCrs(Kind.OTHER_GEOGRAPHIC, "EPSG:" + code, null);
        }
        return projected(crs, name + " (EPSG:" + code + ")");
    }

    private static SourceCrs projected(CoordinateReferenceSystem crs, String name) {
        CoordinateReferenceSystem wgs84 =
                CRS_FACTORY.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        return new SourceCrs(Kind.PROJECTED, name, new CoordinateTransformFactory().createTransform(crs, wgs84));
    }

    /** A proj4 parameter string for transverse Mercator and Web Mercator WKT, or null for other projections. */
    private static String projParameters(Node projcs, String ellipsoid) {
        String projection = projectionName(projcs).toLowerCase(Locale.ROOT).replace(' ', '_');
        double toMeter = 1.0;
        Node unit = projcs.child("UNIT", "LENGTHUNIT");
        if (unit != null) {
            toMeter = unit.number(1, 1.0);
        }
        if (projection.contains("mercator_auxiliary_sphere")
                || projection.contains("pseudo_mercator")
                || projection.contains("popular_visualisation")) {
            return "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null"
                    + " +no_defs";
        }
        if (!projection.contains("transverse_mercator")
                && !projection.contains("gauss_kruger")
                && !projection.equals("tm")) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "+proj=tmerc +lat_0=%s +lon_0=%s +k=%s +x_0=%s +y_0=%s +ellps=%s +towgs84=0,0,0 +to_meter=%s +no_defs",
                num(parameter(projcs, 0.0, "latitude_of_origin", "latitude_of_natural_origin")),
                num(parameter(projcs, Double.NaN, "central_meridian", "longitude_of_natural_origin")),
                num(parameter(projcs, 1.0, "scale_factor", "scale_factor_at_natural_origin")),
                num(parameter(projcs, 0.0, "false_easting")),
                num(parameter(projcs, 0.0, "false_northing")),
                ellipsoid,
                num(toMeter));
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            throw new NumberFormatException("the projection has no central meridian");
        }
        return Cells.plain(v);
    }

    private static String projectionName(Node projcs) {
        Node p = projcs.child("PROJECTION", "METHOD");
        return p == null ? "" : p.text(0);
    }

    private static double parameter(Node projcs, double fallback, String... names) {
        for (Node child : projcs.nodes()) {
            if (child.keyword.equalsIgnoreCase("PARAMETER")) {
                String n = child.text(0).replace(' ', '_');
                for (String wanted : names) {
                    if (n.equalsIgnoreCase(wanted)) {
                        return child.number(1, fallback);
                    }
                }
            }
        }
        return fallback;
    }

    /** A WKT node: KEYWORD[item, item, ...], where an item is a quoted text, a number or a node. */
    private static final class Node {
        final String keyword;
        final List<Object> items = new ArrayList<>();

        Node(String keyword) {
            this.keyword = keyword;
        }

        String text(int index) {
            return index < items.size() ? String.valueOf(items.get(index)) : "";
        }

        double number(int index, double fallback) {
            try {
                return Double.parseDouble(text(index).trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        List<Node> nodes() {
            List<Node> out = new ArrayList<>();
            for (Object o : items) {
                if (o instanceof Node) {
                    out.add((Node) o);
                }
            }
            return out;
        }

        /** The direct child node with one of the keywords; the last one wins (a root AUTHORITY comes last). */
        Node child(String... keywords) {
            Node found = null;
            for (Node n : nodes()) {
                for (String k : keywords) {
                    if (n.keyword.equalsIgnoreCase(k)) {
                        found = n;
                    }
                }
            }
            return found;
        }
    }

    private static final class WktParser {
        private final String s;
        private int i;

        WktParser(String s) {
            this.s = s;
        }

        Node node() {
            skipBlanks();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("expected a keyword at character " + (i + 1));
            }
            Node node = new Node(s.substring(start, i));
            skipBlanks();
            if (i >= s.length() || (s.charAt(i) != '[' && s.charAt(i) != '(')) {
                return node;
            }
            char close = s.charAt(i) == '[' ? ']' : ')';
            i++;
            while (true) {
                skipBlanks();
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unclosed '" + node.keyword + "'");
                }
                char c = s.charAt(i);
                if (c == '"') {
                    int end = s.indexOf('"', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed quote at character " + (i + 1));
                    }
                    node.items.add(s.substring(i + 1, end));
                    i = end + 1;
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    int start2 = i;
                    while (i < s.length() && ",])".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    node.items.add(s.substring(start2, i).trim());
                } else {
                    node.items.add(node());
                }
                skipBlanks();
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unclosed '" + node.keyword + "'");
                }
                if (s.charAt(i) == ',') {
                    i++;
                } else if (s.charAt(i) == close) {
                    i++;
                    return node;
                } else {
                    throw new IllegalArgumentException("unexpected '" + s.charAt(i) + "' at character " + (i + 1));
                }
            }
        }

        private void skipBlanks() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
