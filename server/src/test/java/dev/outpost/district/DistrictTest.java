package dev.outpost.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.geo.Geometries;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class DistrictTest {
    private static MultiPolygon square() throws ParseException {
        return (MultiPolygon) new WKTReader(Geometries.factory())
                .read("MULTIPOLYGON (((114.0 22.5, 114.1 22.5, 114.1 22.6, 114.0 22.6, 114.0 22.5)))");
    }

    @Test
    void targetsAndBoundaryAreCopied() throws ParseException {
        Map<String, Double> targets = new LinkedHashMap<>();
        targets.put(District.TARGET_MIN_STATIONS, 5.0);
        targets.put(District.TARGET_COVERAGE_15MIN, 0.9);
        MultiPolygon boundary = square();
        District d = new District("shenzhen", "440303", "罗湖区", AreaLevel.DISTRICT, null, 1_000_000L, targets, boundary);
        targets.put("extra", 1.0);
        boundary.getCoordinates()[0].x = 0; // mutating the caller's geometry does not reach the district
        boundary.geometryChanged();
        assertThat(d.targets()).containsExactly(Map.entry("min_stations", 5.0), Map.entry("coverage_15min", 0.9));
        assertThat(d.target("coverage_15min")).isEqualTo(0.9);
        assertThat(d.target("nope")).isNull();
        assertThat(d.boundary().getEnvelopeInternal().getMinX()).isEqualTo(114.0);
        assertThatThrownBy(() -> d.targets().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new District("sz", "1", "a", AreaLevel.COMMUNITY, "2", null, null, square()).targets())
                .isEmpty();
    }

    @Test
    void invalidFieldsAreNamed() throws ParseException {
        MultiPolygon b = square();
        assertThatThrownBy(() -> new District("sz", "440303", "罗湖区", AreaLevel.DISTRICT, null, -1L, null, b))
                .hasMessage("district 440303: field 'population' is -1; expected 0 or more");
        assertThatThrownBy(() -> new District("sz", "440303", " ", AreaLevel.DISTRICT, null, null, null, b))
                .hasMessage("district 440303: field 'name' is required");
        assertThatThrownBy(() -> new District("sz", "440303", "罗湖区", null, null, null, null, b))
                .hasMessage("district 440303: field 'level' is required");
        assertThatThrownBy(() -> new District("sz", "440303", "罗湖区", AreaLevel.DISTRICT, "440303", null, null, b))
                .hasMessageContaining("field 'parentCode' '440303' must be null or another area's code");
        Map<String, Double> bad = new HashMap<>();
        bad.put("coverage_15min", Double.NaN);
        assertThatThrownBy(() -> new District("sz", "440303", "罗湖区", AreaLevel.DISTRICT, null, null, bad, b))
                .hasMessage("district 440303: target 'coverage_15min' is NaN; expected a finite number");
        MultiPolygon noSrid = square();
        noSrid.setSRID(0);
        assertThatThrownBy(() -> new District("sz", "440303", "罗湖区", AreaLevel.DISTRICT, null, null, null, noSrid))
                .hasMessage("district 440303 boundary has SRID 0; expected 4326");
        assertThatThrownBy(() -> new District("sz", "440303", "罗湖区", AreaLevel.DISTRICT, null, null, null, null))
                .hasMessage("district 440303 boundary is missing");
    }

    @Test
    void areaLevelsParseAndNest() {
        assertThat(AreaLevel.parse("subdistrict")).isEqualTo(AreaLevel.SUBDISTRICT);
        assertThat(AreaLevel.parse("街道")).isEqualTo(AreaLevel.SUBDISTRICT);
        assertThat(AreaLevel.parse("乡镇")).isEqualTo(AreaLevel.SUBDISTRICT);
        assertThat(AreaLevel.parse("区/县")).isEqualTo(AreaLevel.DISTRICT);
        assertThat(AreaLevel.parse("村")).isEqualTo(AreaLevel.COMMUNITY);
        assertThat(AreaLevel.parse("COMMUNITY")).isEqualTo(AreaLevel.COMMUNITY);
        assertThat(AreaLevel.COMMUNITY.parent()).isEqualTo(AreaLevel.SUBDISTRICT);
        assertThat(AreaLevel.DISTRICT.parent()).isNull();
        assertThatThrownBy(() -> AreaLevel.parse("province"))
                .hasMessage("unknown area level 'province'; expected one of district (区/县), subdistrict (街道/乡镇),"
                        + " community (社区/村)");
    }
}
