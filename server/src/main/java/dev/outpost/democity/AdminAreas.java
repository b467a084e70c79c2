package dev.outpost.democity;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The districts and subdistricts of the demo city (local metres), with point lookups. Subdistricts tile their
 * district; districts tile the city rectangle. Lookups are not thread-safe (the JTS indexes build lazily).
 */
final class AdminAreas {
    /**
     * One administrative area.
     *
     * @param code 6 digits for a district, 9 for a subdistrict (district code + 3 digits)
     * @param level {@code district} or {@code subdistrict}
     * @param parentCode the district's code for a subdistrict, {@code null} for a district
     * @param geometry a polygon in local metres
     * @param seat a point inside the area where its office stands (local metres)
     */
    record AdminArea(
            String code,
            String nameZh,
            String nameEn,
            String level,
            String parentCode,
            Geometry geometry,
            long population,
            int minStations,
            double coverageTarget,
            Coordinate seat) {}

    final List<AdminArea> districts;
    final List<AdminArea> subdistricts;
    private final IndexedPointInAreaLocator[] locators;
    private final IndexedFacetDistance[] boundaries;
    private final Envelope[] envelopes;

    AdminAreas(List<AdminArea> districts, List<AdminArea> subdistricts) {
        this.districts = List.copyOf(districts);
        this.subdistricts = List.copyOf(subdistricts);
        int n = subdistricts.size();
        this.locators = new IndexedPointInAreaLocator[n];
        this.boundaries = new IndexedFacetDistance[n];
        this.envelopes = new Envelope[n];
        for (int k = 0; k < n; k++) {
            Geometry g = subdistricts.get(k).geometry();
            locators[k] = new IndexedPointInAreaLocator(g);
            boundaries[k] = new IndexedFacetDistance(g.getBoundary());
            envelopes[k] = g.getEnvelopeInternal();
        }
    }

    /** The subdistrict strictly containing (x, y), if any. */
    Optional<AdminArea> findSubdistrict(double x, double y) {
        int k = indexAt(x, y);
        return k < 0 ? Optional.empty() : Optional.of(subdistricts.get(k));
    }

    /**
     * The subdistrict containing (x, y) at least {@code clearanceMeters} away from its boundary, or empty when the
     * point is outside every subdistrict or too close to a boundary.
     */
    Optional<AdminArea> findSubdistrictWithClearance(double x, double y, double clearanceMeters) {
        int k = indexAt(x, y);
        if (k < 0) {
            return Optional.empty();
        }
        Geometry point = subdistricts.get(k).geometry().getFactory().createPoint(new Coordinate(x, y));
        if (boundaries[k].distance(point) < clearanceMeters) {
            return Optional.empty();
        }
        return Optional.of(subdistricts.get(k));
    }

    private int indexAt(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        for (int k = 0; k < locators.length; k++) {
            if (envelopes[k].contains(c) && locators[k].locate(c) == Location.INTERIOR) {
                return k;
            }
        }
        return -1;
    }

    AdminArea district(String code) {
        for (AdminArea d : districts) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no district with code '" + code + "'");
    }
}
