package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Two roads at a right angle around a lake, junctions every 100 m:
 *
 * <pre>
 *  (0,2000)
 *     |
 *     |     lake
 *     |
 *   O(0,0) ------------ (2000,0)
 * </pre>
 *
 * From O, 5 minutes by e-bike (1,500 m) reach 1.5 km along each road. The triangulation spans the lake, so the raw
 * contour covers its shore-free middle, e.g. (500, 500), 500 m from any road. Clipped to 100 m around the reached
 * roads, the isochrone keeps the roadsides and drops the lake.
 */
class IsochroneClipTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static Path file;

    @BeforeAll
    static void write() {
        osm = new OsmXml(22.5, 114.0);
        long origin = osm.node(1, 0, 0);
        long previousEast = origin;
        long previousNorth = origin;
        for (int k = 1; k <= 20; k++) {
            long east = osm.node(100 + k, k * 100, 0);
            long north = osm.node(200 + k, 0, k * 100);
            // one way per 100 m makes every 100 m point a junction (a triangulation site)
            osm.way(new long[] {previousEast, east}, "highway", "residential");
            osm.way(new long[] {previousNorth, north}, "highway", "residential");
            previousEast = east;
            previousNorth = north;
        }
        file = osm.write(dir.resolve("lake.osm"));
    }

    @Test
    void clippingRemovesTheLakeButKeepsTheRoadsides() {
        LatLon origin = osm.at(0, 0);
        try (GraphHopperNetwork unclipped = GraphHopperNetwork.importOsm(file, dir.resolve("cache"), settings(0));
                GraphHopperNetwork clipped = GraphHopperNetwork.importOsm(file, dir.resolve("cache"), settings(100))) {
            // the clip is a query setting: the second network reuses the cached graph
            assertThat(clipped.loadedFromCache()).isTrue();
            MultiPolygon raw = unclipped
                    .isochrone(origin, TravelMode.EBIKE, List.of(5), Direction.FROM_ORIGIN)
                    .band(5)
                    .area();
            MultiPolygon cut = clipped.isochrone(origin, TravelMode.EBIKE, List.of(5), Direction.FROM_ORIGIN)
                    .band(5)
                    .area();
            LatLon lake = osm.at(500, 500);
            assertThat(contains(raw, lake)).isTrue();
            assertThat(contains(cut, lake)).isFalse();
            for (LatLon roadside : List.of(osm.at(500, 40), osm.at(40, 500), osm.at(1200, 30), osm.at(30, 1200))) {
                assertThat(contains(cut, roadside)).as("roadside %s", roadside).isTrue();
            }
            // beyond 1,500 m along a road nothing is reached, clipped or not
            assertThat(contains(cut, osm.at(1800, 20))).isFalse();
            assertThat(cut.getArea()).isLessThan(raw.getArea() / 2);
        }
    }

    private static NetworkSettings settings(double clipMeters) {
        return NetworkSettings.defaults().withMinNetworkSize(1).withIsochroneClipBufferMeters(clipMeters);
    }

    private static boolean contains(MultiPolygon area, LatLon p) {
        return area.contains(GF.createPoint(new Coordinate(p.lon(), p.lat())));
    }
}
