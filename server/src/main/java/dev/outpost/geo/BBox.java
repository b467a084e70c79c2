package dev.outpost.geo;

/**
 * A longitude/latitude box in WGS 84 degrees. Immutable.
 */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {
    public BBox {
        if (!(minLon <= maxLon) || !(minLat <= maxLat)) {
            throw new IllegalArgumentException("bbox " + minLon + "," + minLat + "," + maxLon + "," + maxLat
                    + " is empty or inverted; expected minLon,minLat,maxLon,maxLat");
        }
        new LatLon(minLat, minLon);
        new LatLon(maxLat, maxLon);
    }

    /** Parses {@code "minLon,minLat,maxLon,maxLat"}. */
    public static BBox parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox '" + text + "' must be minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox '" + text + "': '" + parts[i] + "' is not a number");
            }
        }
        return new BBox(v[0], v[1], v[2], v[3]);
    }

    public boolean contains(LatLon p) {
        return p.lon() >= minLon && p.lon() <= maxLon && p.lat() >= minLat && p.lat() <= maxLat;
    }
}
