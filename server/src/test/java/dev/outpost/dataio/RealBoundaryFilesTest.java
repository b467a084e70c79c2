package dev.outpost.dataio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.geo.SharedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/** The readers on the real boundary files of {@code ../shared/geodata/boundaries} (skipped when absent). */
class RealBoundaryFilesTest {
    @Test
    void beijingSubdistrictsWithTheirDistrictsBuiltFromTheCountyColumn() {
        Path file = SharedData.require("geodata/boundaries/beijing-subdistricts-wgs84.geojson");
        DistrictFileReader reader =
                new DistrictFileReader(DistrictFileReader.Options.of("beijing", CoordinateSystem.WGS84)
                        .withColumns(Map.of("name", "乡", "population", "worldpop_pop"))
                        .withParentNameField("县"));

        DistrictFileReader.Result result = reader.read(file);

        assertThat(result.features().errorMessages()).isEmpty();
        List<District> subdistricts = result.features().values();
        assertThat(subdistricts).hasSize(331);
        assertThat(subdistricts).extracting(District::level).containsOnly(AreaLevel.SUBDISTRICT);
        assertThat(subdistricts.get(0).name()).isEqualTo("建外街道");
        assertThat(subdistricts.get(0).population()).isEqualTo(66524L);
        // The sum of the worldpop_pop property, counted independently of this code (python3 json): 20,755,648.
        // (The README's 20,771,901 also adds the worldpop_col1_unknown column, 16,253.)
        long total = subdistricts.stream().mapToLong(District::population).sum();
        assertThat(total).isEqualTo(20_755_648L);

        List<District> districts = result.derivedParents();
        assertThat(districts).hasSize(16);
        assertThat(districts).extracting(District::level).containsOnly(AreaLevel.DISTRICT);
        assertThat(districts.stream().map(District::name).collect(Collectors.toSet()))
                .contains("朝阳区", "海淀区", "东城区", "西城区", "密云县", "延庆县");
        Map<String, List<District>> children =
                subdistricts.stream().collect(Collectors.groupingBy(District::parentCode));
        assertThat(children.keySet())
                .isEqualTo(districts.stream().map(District::code).collect(Collectors.toSet()));
        for (District d : districts) {
            List<District> mine = children.get(d.code());
            assertThat(d.population())
                    .isEqualTo(mine.stream().mapToLong(District::population).sum());
            double childArea =
                    mine.stream().mapToDouble(c -> c.boundary().getArea()).sum();
            // The union can only lose the overlaps of neighbouring polygons, which are slivers.
            assertThat(d.boundary().getArea()).isBetween(childArea * 0.99, childArea * 1.0000001);
            assertThat(d.boundary().isValid()).isTrue();
        }
        assertThat(districts.stream().mapToLong(District::population).sum()).isEqualTo(total);
        District chaoyang = districts.stream()
                .filter(d -> d.name().equals("朝阳区"))
                .findFirst()
                .orElseThrow();
        assertThat(children.get(chaoyang.code())).hasSize(43);
        // Tiananmen (WGS 84 116.3975, 39.9087) is in 东城区, not in 朝阳区.
        Point tiananmen = dev.outpost.geo.Geometries.point(new LatLon(39.9087, 116.3975));
        District dongcheng = districts.stream()
                .filter(d -> d.name().equals("东城区"))
                .findFirst()
                .orElseThrow();
        assertThat(dongcheng.boundary().contains(tiananmen)).isTrue();
        assertThat(chaoyang.boundary().contains(tiananmen)).isFalse();
        // Repairs, if any, are warnings on geometry, never on other fields.
        assertThat(result.features().warnings()).allSatisfy(w -> assertThat(w.field())
                .isIn("geometry", "省", "市", "mosstool_row", "worldpop_col1_unknown"));
    }

    @Test
    void shenzhenGcj02FileReadAsGcj02LandsOnTheWgs84File() {
        Path gcjFile = SharedData.require("geodata/boundaries/shenzhen-districts-gcj02.geojson");
        Path wgsFile = SharedData.require("geodata/boundaries/shenzhen-districts-wgs84.geojson");

        DistrictFileReader.Result gcj = new DistrictFileReader(
                        DistrictFileReader.Options.of("shenzhen", CoordinateSystem.GCJ02)
                                .withLevel(AreaLevel.DISTRICT))
                .read(gcjFile);
        DistrictFileReader.Result raw = new DistrictFileReader(
                        DistrictFileReader.Options.of("shenzhen", CoordinateSystem.WGS84)
                                .withLevel(AreaLevel.DISTRICT))
                .read(gcjFile);
        DistrictFileReader.Result wgs = new DistrictFileReader(
                        DistrictFileReader.Options.of("shenzhen", CoordinateSystem.WGS84)
                                .withColumns(Map.of("name", "qh")))
                .read(wgsFile);

        assertThat(gcj.features().errorMessages()).isEmpty();
        assertThat(wgs.features().errorMessages()).isEmpty();
        assertThat(gcj.features().values()).hasSize(8);
        assertThat(wgs.features().values()).hasSize(10);
        // The GCJ file's feature ids are statistical codes.
        assertThat(gcj.features().values().get(0).code()).isEqualTo("440303");
        assertThat(gcj.features().values().get(0).name()).isEqualTo("罗湖区");
        Map<String, org.locationtech.jts.geom.Geometry> wgsByName = new HashMap<>();
        for (District d : wgs.features().values()) {
            wgsByName.put(d.name() + "区", d.boundary());
        }
        // The GCJ-02 file predates the split of 光明 from 宝安 and of 大鹏 from 龙岗.
        wgsByName.put("宝安区", wgsByName.get("宝安区").union(wgsByName.get("光明区")));
        wgsByName.put("龙岗区", wgsByName.get("龙岗区").union(wgsByName.get("大鹏区")));
        Map<String, District> rawByName = new HashMap<>();
        raw.features().values().forEach(d -> rawByName.put(d.name(), d));
        Set<String> compared = new java.util.HashSet<>();
        for (District d : gcj.features().values()) {
            org.locationtech.jts.geom.Geometry reference = wgsByName.get(d.name());
            if (reference == null) {
                continue;
            }
            compared.add(d.name());
            District unconvertedDistrict = rawByName.get(d.name());
            double converted = centroid(d).distanceMeters(centroid(reference));
            double unconverted = centroid(unconvertedDistrict).distanceMeters(centroid(reference));
            // The domain's own measurements on these files: 600-730 m apart unconverted, 61-240 m converted (the
            // sources draw some coastlines differently; the GCJ file is quantised to 1/1024 degree).
            assertThat(unconverted).as("%s as if WGS 84", d.name()).isGreaterThan(400);
            assertThat(converted).as("%s converted", d.name()).isLessThan(250).isLessThan(unconverted / 2);
            // What the reader did is the GCJ-02 conversion of every vertex.
            LatLon expected = centroid(CoordinateSystem.GCJ02.toWgs84(unconvertedDistrict.boundary()));
            assertThat(centroid(d).distanceMeters(expected)).as("%s", d.name()).isLessThan(0.01);
        }
        assertThat(compared).hasSize(8);
    }

    private static LatLon centroid(District d) {
        return centroid(d.boundary());
    }

    private static LatLon centroid(org.locationtech.jts.geom.Geometry g) {
        Point c = g.getCentroid();
        return new LatLon(c.getY(), c.getX());
    }
}
