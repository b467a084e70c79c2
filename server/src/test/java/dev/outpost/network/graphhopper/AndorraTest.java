package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Andorra (2013 extract, mountain valleys): a 15-minute car isochrone from Andorra la Vella, with GraphHopper route
 * times as the oracle: places at most 12 minutes away must be inside, places 20 minutes or more away outside.
 */
class AndorraTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final LatLon ANDORRA_LA_VELLA = new LatLon(42.5078, 1.5211);
    private static final Map<String, LatLon> PLACES = new LinkedHashMap<>();

    static {
        PLACES.put("Escaldes", new LatLon(42.5106, 1.5384));
        PLACES.put("Santa Coloma", new LatLon(42.4950, 1.4990));
        PLACES.put("Sant Julià de Lòria", new LatLon(42.4637, 1.4913));
        PLACES.put("Encamp", new LatLon(42.5355, 1.5829));
        PLACES.put("La Massana", new LatLon(42.5450, 1.5148));
        PLACES.put("Ordino", new LatLon(42.5560, 1.5332));
        PLACES.put("Canillo", new LatLon(42.5672, 1.5977));
        PLACES.put("Arinsal", new LatLon(42.5720, 1.4840));
        PLACES.put("Soldeu", new LatLon(42.5767, 1.6678));
        PLACES.put("Grau Roig", new LatLon(42.5330, 1.7000));
        PLACES.put("Port d'Envalira", new LatLon(42.5405, 1.7180));
        PLACES.put("Pas de la Casa", new LatLon(42.5425, 1.7333));
        PLACES.put("Arcalís", new LatLon(42.6300, 1.4850));
    }

    @TempDir
    static Path dir;

    private static GraphHopperNetwork network;

    @BeforeAll
    static void importAndorra() {
        network = GraphHopperNetwork.importOsm(
                SharedData.osm("andorra.osm.pbf"), dir.resolve("cache"), NetworkSettings.defaults());
    }

    @AfterAll
    static void close() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void fifteenMinuteCarIsochroneAgreesWithRouteTimes() {
        Isochrone iso = network.isochrone(ANDORRA_LA_VELLA, TravelMode.CAR, List.of(5, 15), Direction.FROM_ORIGIN);
        MultiPolygon fifteen = iso.band(15).area();
        MultiPolygon five = iso.band(5).area();
        int inside = 0;
        int outside = 0;
        for (Map.Entry<String, LatLon> place : PLACES.entrySet()) {
            Route route = network.route(ANDORRA_LA_VELLA, place.getValue(), TravelMode.CAR)
                    .orElseThrow();
            double minutes = route.travelTimeSeconds() / 60;
            boolean contained = fifteen.contains(point(place.getValue()));
            if (minutes <= 12) {
                assertThat(contained)
                        .as("%s at %.1f min", place.getKey(), minutes)
                        .isTrue();
                inside++;
            } else if (minutes >= 20) {
                assertThat(contained)
                        .as("%s at %.1f min", place.getKey(), minutes)
                        .isFalse();
                outside++;
            }
            if (minutes >= 6.5) {
                assertThat(five.contains(point(place.getValue())))
                        .as("%s at %.1f min, 5-minute band", place.getKey(), minutes)
                        .isFalse();
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(5);
        assertThat(outside).isGreaterThanOrEqualTo(3);
        assertThat(fifteen.contains(five.getInteriorPoint())).isTrue();
        assertThat(fifteen.getArea()).isGreaterThan(five.getArea());
    }

    @Test
    void reverseIsochroneUsesTimesTowardsTheOrigin() {
        // La Massana → Andorra la Vella is faster than the way up (one-way and road layout): check each direction
        // against its own route time
        Isochrone to = network.isochrone(ANDORRA_LA_VELLA, TravelMode.CAR, List.of(8), Direction.TO_ORIGIN);
        Isochrone from = network.isochrone(ANDORRA_LA_VELLA, TravelMode.CAR, List.of(8), Direction.FROM_ORIGIN);
        LatLon massana = PLACES.get("La Massana");
        double up = network.route(ANDORRA_LA_VELLA, massana, TravelMode.CAR)
                        .orElseThrow()
                        .travelTimeSeconds()
                / 60;
        double down = network.route(massana, ANDORRA_LA_VELLA, TravelMode.CAR)
                        .orElseThrow()
                        .travelTimeSeconds()
                / 60;
        assertThat(down).isLessThan(7);
        assertThat(up).isGreaterThan(8.5);
        assertThat(to.band(8).area().contains(point(massana))).isTrue();
        assertThat(from.band(8).area().contains(point(massana))).isFalse();
    }

    private static org.locationtech.jts.geom.Point point(LatLon p) {
        return GF.createPoint(new Coordinate(p.lon(), p.lat()));
    }
}
