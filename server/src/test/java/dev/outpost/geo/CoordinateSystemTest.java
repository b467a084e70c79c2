package dev.outpost.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

class CoordinateSystemTest {

    /**
     * Published vector of the eviltransform project's tests: WGS 84 (31.1774276, 121.5272106) in Shanghai maps to
     * GCJ-02 (31.17530398364597, 121.531541859215).
     */
    @Test
    void wgs84ToGcj02MatchesTheEviltransformVector() {
        LatLon gcj = CoordinateSystem.GCJ02.fromWgs84(new LatLon(31.1774276, 121.5272106));
        assertThat(gcj.lat()).isCloseTo(31.17530398364597, within(1e-6));
        assertThat(gcj.lon()).isCloseTo(121.531541859215, within(1e-6));
    }

    /** The inverse of the same vector lands back on the WGS 84 point to well under 0.5 m. */
    @Test
    void gcj02ToWgs84InvertsTheEviltransformVector() {
        LatLon wgs = CoordinateSystem.GCJ02.toWgs84(121.531541859215, 31.17530398364597);
        assertThat(wgs.distanceMeters(new LatLon(31.1774276, 121.5272106))).isLessThan(0.05);
    }

    /**
     * Vectors from the READMEs of the coordtransform-rs (athxx/coordtransform-rs) and geocraft projects, which
     * print for the input (116.404, 39.915): gcj02_to_bd09 = (116.41036949371029, 39.92133699351021), bd09_to_gcj02 =
     * (116.39762729119315, 39.90865673957631) [the one-step inverse], wgs84_to_gcj02 = (116.41024449916938,
     * 39.91640428150164).
     */
    @Test
    void bd09MatchesPublishedVectorsInBeijing() {
        double[] bd = CoordinateSystem.gcj02ToBd09(116.404, 39.915);
        assertThat(bd[0]).isCloseTo(116.41036949371029, within(1e-12));
        assertThat(bd[1]).isCloseTo(39.92133699351021, within(1e-12));

        // Ours refines the one-step inverse by iteration; the two agree to its known error of about 0.2 m.
        double[] gcj = CoordinateSystem.bd09ToGcj02(116.404, 39.915);
        assertThat(gcj[0]).isCloseTo(116.39762729119315, within(3e-6));
        assertThat(gcj[1]).isCloseTo(39.90865673957631, within(3e-6));
        double[] back = CoordinateSystem.gcj02ToBd09(gcj[0], gcj[1]);
        assertThat(back[0]).isCloseTo(116.404, within(1e-9));
        assertThat(back[1]).isCloseTo(39.915, within(1e-9));

        LatLon g = CoordinateSystem.GCJ02.fromWgs84(new LatLon(39.915, 116.404));
        assertThat(g.lon()).isCloseTo(116.41024449916938, within(1e-9));
        assertThat(g.lat()).isCloseTo(39.91640428150164, within(1e-9));
    }

    /**
     * Beijing railway station as given in the geoChina R package documentation (conv(), which states that its local
     * results equal the Baidu Maps API's): WGS-84 (39.90105, 116.42079), GCJ-02 (39.90245, 116.42703), BD-09
     * (39.90851, 116.43351), rounded to 5 decimals (about 1 m).
     */
    @Test
    void beijingRailwayStationInAllThreeSystems() {
        // Each published value is rounded by up to 5e-6 degrees, so one conversion step may be off by 1e-5.
        LatLon wgs = new LatLon(39.90105, 116.42079);
        LatLon gcj = CoordinateSystem.GCJ02.fromWgs84(wgs);
        assertThat(gcj.lat()).isCloseTo(39.90245, within(1e-5));
        assertThat(gcj.lon()).isCloseTo(116.42703, within(1e-5));
        double[] bd = CoordinateSystem.gcj02ToBd09(116.42703, 39.90245);
        assertThat(bd[1]).isCloseTo(39.90851, within(1e-5));
        assertThat(bd[0]).isCloseTo(116.43351, within(1e-5));
        assertThat(CoordinateSystem.BD09.toWgs84(116.43351, 39.90851).distanceMeters(wgs))
                .isLessThan(2.0);
    }

    @Test
    void roundTripsAcrossChinaStayBelowHalfAMetre() {
        double worstGcj = 0;
        double worstBd = 0;
        for (double lat = 18.0; lat <= 53.5; lat += 0.37) {
            for (double lon = 73.5; lon <= 135.0; lon += 0.53) {
                LatLon wgs = new LatLon(lat, lon);
                LatLon gcj = CoordinateSystem.GCJ02.fromWgs84(wgs);
                // The shift is real everywhere inside the box: tens to hundreds of metres.
                assertThat(gcj.distanceMeters(wgs)).isGreaterThan(10.0);
                worstGcj = Math.max(
                        worstGcj,
                        CoordinateSystem.GCJ02.toWgs84(gcj.lon(), gcj.lat()).distanceMeters(wgs));
                LatLon bd = CoordinateSystem.BD09.fromWgs84(wgs);
                worstBd = Math.max(
                        worstBd,
                        CoordinateSystem.BD09.toWgs84(bd.lon(), bd.lat()).distanceMeters(wgs));
            }
        }
        assertThat(worstGcj).isLessThan(0.5);
        assertThat(worstBd).isLessThan(0.5);
    }

    @Test
    void noShiftOutsideChinaAndForWgs84OrCgcs2000() {
        assertThat(CoordinateSystem.insideChina(114.05, 22.54)).isTrue();
        assertThat(CoordinateSystem.insideChina(9.52, 47.14)).isFalse(); // Vaduz
        assertThat(CoordinateSystem.insideChina(139.69, 35.69)).isFalse(); // Tokyo, east of the box
        LatLon vaduz = new LatLon(47.14, 9.52);
        assertThat(CoordinateSystem.GCJ02.fromWgs84(vaduz)).isEqualTo(vaduz);
        assertThat(CoordinateSystem.GCJ02.toWgs84(9.52, 47.14)).isEqualTo(vaduz);
        assertThat(CoordinateSystem.CGCS2000.toWgs84(114.05, 22.54)).isEqualTo(new LatLon(22.54, 114.05));
        assertThat(CoordinateSystem.WGS84.fromWgs84(vaduz)).isSameAs(vaduz);
    }

    @Test
    void parseAcceptsCodesAndAliases() {
        assertThat(CoordinateSystem.parse("WGS84")).isEqualTo(CoordinateSystem.WGS84);
        assertThat(CoordinateSystem.parse(" epsg:4326 ")).isEqualTo(CoordinateSystem.WGS84);
        assertThat(CoordinateSystem.parse("4326")).isEqualTo(CoordinateSystem.WGS84);
        assertThat(CoordinateSystem.parse("CGCS2000")).isEqualTo(CoordinateSystem.CGCS2000);
        assertThat(CoordinateSystem.parse("EPSG:4490")).isEqualTo(CoordinateSystem.CGCS2000);
        assertThat(CoordinateSystem.parse("gcj02")).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(CoordinateSystem.parse("GCJ-02")).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(CoordinateSystem.parse("Amap")).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(CoordinateSystem.parse("tencent")).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(CoordinateSystem.parse("bd09")).isEqualTo(CoordinateSystem.BD09);
        assertThat(CoordinateSystem.parse("BD-09")).isEqualTo(CoordinateSystem.BD09);
        assertThat(CoordinateSystem.parse("Baidu")).isEqualTo(CoordinateSystem.BD09);
        assertThatThrownBy(() -> CoordinateSystem.parse("mars"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown coordinate system 'mars'")
                .hasMessageContaining("gcj-02")
                .hasMessageContaining("epsg:4490")
                .hasMessageContaining("baidu");
        assertThatThrownBy(() -> CoordinateSystem.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transformConvertsEveryCoordinateOfAGeometryAndLeavesTheInputAlone() {
        LatLon a = new LatLon(22.54, 114.05);
        LatLon b = new LatLon(22.60, 114.10);
        LatLon ga = CoordinateSystem.GCJ02.fromWgs84(a);
        LatLon gb = CoordinateSystem.GCJ02.fromWgs84(b);
        LineString gcjLine = Geometries.factory()
                .createLineString(
                        new Coordinate[] {new Coordinate(ga.lon(), ga.lat()), new Coordinate(gb.lon(), gb.lat())});
        gcjLine.setSRID(0);
        Geometry wgs = CoordinateSystem.transform(gcjLine, CoordinateSystem.GCJ02);
        assertThat(wgs.getSRID()).isEqualTo(4326);
        assertThat(Geometries.latLon(wgs.getCoordinates()[0]).distanceMeters(a)).isLessThan(0.01);
        assertThat(Geometries.latLon(wgs.getCoordinates()[1]).distanceMeters(b)).isLessThan(0.01);
        assertThat(gcjLine.getCoordinateN(0).x).isEqualTo(ga.lon());
        assertThat(gcjLine.getSRID()).isZero();
    }

    @Test
    void nonFiniteInputIsRejected() {
        assertThatThrownBy(() -> CoordinateSystem.GCJ02.toWgs84(Double.NaN, 22.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite number");
    }
}
