package dev.outpost.demand;

import dev.outpost.geo.Geometries;
import dev.outpost.geo.LatLon;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * One OpenStreetMap feature used as a demand proxy. Immutable apart from the JTS footprint, which callers must not
 * modify.
 *
 * @param osmElement the OSM element, {@code n<id>}, {@code w<id>} or {@code r<id>}
 * @param category what it stands for
 * @param tag the tag that made it a proxy, {@code key=value}, e.g. {@code amenity=restaurant}, {@code shop=convenience}
 * @param location the node's position, or a point inside the area of a way or relation (WGS 84)
 * @param footprint a Polygon or MultiPolygon: the area of a closed way or multipolygon relation (SRID 4326); null
 *     for nodes, open ways and relations whose outer ring could not be closed
 * @param name the {@code name} tag (Chinese text kept as is); null when untagged
 */
public record Poi(
        String osmElement, PoiCategory category, String tag, LatLon location, Geometry footprint, String name) {
    public Poi {
        if (osmElement == null || !osmElement.matches("[nwr]-?[0-9]+")) {
            throw new IllegalArgumentException("poi: osmElement '" + osmElement + "' must be n<id>, w<id> or r<id>");
        }
        Objects.requireNonNull(category, "category");
        if (tag == null || !tag.contains("=")) {
            throw new IllegalArgumentException("poi " + osmElement + ": tag '" + tag + "' must be key=value");
        }
        Objects.requireNonNull(location, "location");
        if (footprint != null) {
            Geometries.requireWgs84(footprint, "poi " + osmElement + " footprint");
            if (!(footprint instanceof Polygonal)) {
                throw new IllegalArgumentException("poi " + osmElement + ": footprint is a "
                        + footprint.getGeometryType() + "; expected a Polygon or MultiPolygon");
            }
        }
    }

    /** The tag's key, e.g. {@code amenity}. */
    public String tagKey() {
        return tag.substring(0, tag.indexOf('='));
    }

    /** The tag's value, e.g. {@code restaurant}. */
    public String tagValue() {
        return tag.substring(tag.indexOf('=') + 1);
    }
}
