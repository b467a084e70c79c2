package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.demand.Poi;
import dev.outpost.demand.PoiCategory;
import dev.outpost.geo.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmPoiSourceTest {
    @TempDir
    Path dir;

    @Test
    void haidianHasTheReadmeCountsOfConvenienceStoresAndRestaurants() {
        Path file = SharedData.require("geodata/osm/beijing-haidian-3campus.osm.pbf");
        List<Poi> pois = new OsmPoiSource().read(file);

        // the README's figures: 27 convenience stores (all nodes) and 71 restaurants (63 nodes + 8 building ways)
        List<Poi> convenience = withTag(pois, "shop=convenience");
        List<Poi> restaurants = withTag(pois, "amenity=restaurant");
        assertThat(convenience).hasSize(27).allMatch(p -> p.osmElement().startsWith("n"));
        assertThat(restaurants).hasSize(71);
        assertThat(restaurants.stream().filter(p -> p.osmElement().startsWith("w")))
                .hasSize(8);
        assertThat(restaurants.stream().filter(p -> p.osmElement().startsWith("w")))
                .allMatch(p -> p.footprint() != null
                        && p.footprint().contains(dev.outpost.geo.Geometries.point(p.location())));
        assertThat(restaurants).allMatch(p -> p.category() == PoiCategory.PICKUP);

        // Chinese names are read intact
        assertThat(pois)
                .anyMatch(p -> p.name() != null && p.name().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
        // everything lies in Haidian
        assertThat(pois)
                .allMatch(p -> p.location().lon() > 116.25
                        && p.location().lon() < 116.40
                        && p.location().lat() > 39.95
                        && p.location().lat() < 40.05);
        // drop-offs: residential buildings and land use, including the one multipolygon relation
        assertThat(pois.stream().filter(p -> p.category() == PoiCategory.DROPOFF))
                .hasSizeGreaterThan(200);
        Poi landuseRelation = pois.stream()
                .filter(p -> p.osmElement().startsWith("r") && p.tag().equals("landuse=residential"))
                .findFirst()
                .orElseThrow();
        assertThat(landuseRelation.footprint()).isNotNull();
        assertThat(landuseRelation.footprint().getArea()).isGreaterThan(0);
        // truck proxies: the fuel stations
        assertThat(withTag(pois, "amenity=fuel")).hasSize(2).allMatch(p -> p.category() == PoiCategory.FREIGHT);
    }

    @Test
    void readsNodesClosedWaysAndAMultipolygonFromTwoOpenOuterWays() throws IOException {
        // a 0.01° square of residential land made of two open halves, with a 0.002° square hole;
        // a restaurant node, a fuel station that is also a shop, a residential building, and an untagged node
        Path osm = dir.resolve("tiny.osm");
        Files.writeString(
                osm,
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <osm version="0.6">
                  <node id="1" lat="40.00" lon="116.00"/>
                  <node id="2" lat="40.00" lon="116.01"/>
                  <node id="3" lat="40.01" lon="116.01"/>
                  <node id="4" lat="40.01" lon="116.00"/>
                  <node id="5" lat="40.004" lon="116.004"/>
                  <node id="6" lat="40.004" lon="116.006"/>
                  <node id="7" lat="40.006" lon="116.006"/>
                  <node id="8" lat="40.006" lon="116.004"/>
                  <node id="10" lat="40.02" lon="116.02"><tag k="amenity" v="restaurant"/><tag k="name" v="小馆"/></node>
                  <node id="11" lat="40.03" lon="116.03"><tag k="amenity" v="fuel"/><tag k="shop" v="convenience"/></node>
                  <node id="12" lat="40.04" lon="116.04"/>
                  <node id="20" lat="40.05" lon="116.05"/>
                  <node id="21" lat="40.05" lon="116.051"/>
                  <node id="22" lat="40.051" lon="116.051"/>
                  <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/></way>
                  <way id="101"><nd ref="3"/><nd ref="4"/><nd ref="1"/></way>
                  <way id="102"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/></way>
                  <way id="103"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="20"/>
                    <tag k="building" v="residential"/></way>
                  <relation id="200">
                    <member type="way" ref="100" role="outer"/>
                    <member type="way" ref="101" role="outer"/>
                    <member type="way" ref="102" role="inner"/>
                    <tag k="type" v="multipolygon"/><tag k="landuse" v="residential"/>
                  </relation>
                </osm>
                """,
                StandardCharsets.UTF_8);
        List<Poi> pois = new OsmPoiSource(1).read(osm);
        assertThat(pois)
                .extracting(p -> p.osmElement() + " " + p.category() + " " + p.tag())
                .containsExactly(
                        "n10 PICKUP amenity=restaurant",
                        "n11 PICKUP shop=convenience",
                        "n11 FREIGHT amenity=fuel",
                        "w103 DROPOFF building=residential",
                        "r200 DROPOFF landuse=residential");
        assertThat(pois.get(0).name()).isEqualTo("小馆");
        assertThat(pois.get(0).location().lat()).isEqualTo(40.02);
        assertThat(pois.get(3).footprint().getArea()).isCloseTo(0.001 * 0.001 / 2, within(1e-12));
        Poi land = pois.get(4);
        assertThat(land.footprint().getArea()).isCloseTo(0.01 * 0.01 - 0.002 * 0.002, within(1e-10));
        assertThat(land.footprint().contains(dev.outpost.geo.Geometries.point(land.location())))
                .isTrue();
    }

    @Test
    void theTownHallsOfLiechtensteinAndAndorraAreHostSites() {
        // counted independently with `osmium tags-filter ... nwr/amenity=townhall`: Liechtenstein 3, Andorra 1; neither
        // extract has amenity=community_centre or community_hall
        List<Poi> li = new OsmPoiSource().read(SharedData.require("geodata/osm/liechtenstein.osm.pbf"));
        List<Poi> hosts = li.stream()
                .filter(p -> p.category() == PoiCategory.HOST_SITE)
                .sorted(java.util.Comparator.comparing(Poi::osmElement))
                .toList();
        assertThat(hosts)
                .extracting(p -> p.osmElement() + " " + p.tag() + " " + p.name())
                .containsExactly(
                        "n935278222 amenity=townhall Landtag",
                        "w28712183 amenity=townhall Rathaus Vaduz",
                        "w297699576 amenity=townhall Rathaus");
        Poi landtag = hosts.get(0);
        assertThat(landtag.location().lat()).isCloseTo(47.137707, within(1e-9));
        assertThat(landtag.location().lon()).isCloseTo(9.5226559, within(1e-9));
        // the two town-hall buildings have footprints holding their locations, in Vaduz and Triesenberg
        for (Poi building : hosts.subList(1, 3)) {
            assertThat(building.footprint()).isNotNull();
            assertThat(building.footprint().contains(dev.outpost.geo.Geometries.point(building.location())))
                    .isTrue();
            assertThat(building.location().lon()).isBetween(9.50, 9.60);
            assertThat(building.location().lat()).isBetween(47.10, 47.15);
        }

        List<Poi> ad = new OsmPoiSource().read(SharedData.require("geodata/osm/andorra.osm.pbf"));
        assertThat(ad.stream().filter(p -> p.category() == PoiCategory.HOST_SITE))
                .extracting(p -> p.osmElement() + " " + p.tag() + " " + p.name())
                .containsExactly("n2287019220 amenity=townhall Comú de Canillo");
    }

    @Test
    void communityCentresHallsAndTownHallsAreHostSitesAndSocialFacilitiesAreNot() throws IOException {
        Path osm = dir.resolve("hosts.osm");
        Files.writeString(
                osm,
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <osm version="0.6">
                  <node id="1" lat="22.600" lon="113.900"><tag k="amenity" v="community_centre"/>
                    <tag k="name" v="柳岸社区党群服务中心"/></node>
                  <node id="2" lat="22.610" lon="113.910"><tag k="amenity" v="townhall"/>
                    <tag k="townhall:type" v="subdistrict"/><tag k="name" v="长青街道办事处"/></node>
                  <node id="3" lat="22.620" lon="113.920"><tag k="amenity" v="social_facility"/>
                    <tag k="social_facility" v="nursing_home"/><tag k="name" v="敬老院"/></node>
                  <node id="4" lat="22.630" lon="113.930"><tag k="amenity" v="community_hall"/></node>
                  <node id="10" lat="22.640" lon="113.940"/>
                  <node id="11" lat="22.640" lon="113.941"/>
                  <node id="12" lat="22.641" lon="113.941"/>
                  <way id="100"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="10"/>
                    <tag k="amenity" v="community_centre"/><tag k="community_centre" v="community_hall"/>
                    <tag k="building" v="yes"/></way>
                </osm>
                """,
                StandardCharsets.UTF_8);
        List<Poi> pois = new OsmPoiSource(1).read(osm);
        assertThat(pois)
                .extracting(p -> p.osmElement() + " " + p.category() + " " + p.tag())
                .containsExactly(
                        "n1 HOST_SITE amenity=community_centre",
                        "n2 HOST_SITE amenity=townhall",
                        "n4 HOST_SITE amenity=community_hall",
                        "w100 HOST_SITE amenity=community_centre");
        assertThat(pois.get(0).name()).isEqualTo("柳岸社区党群服务中心");
        // the triangle's footprint: half of 0.001° × 0.001°
        assertThat(pois.get(3).footprint().getArea()).isCloseTo(0.001 * 0.001 / 2, within(1e-12));
    }

    @Test
    void badFilesAreClearErrors() throws IOException {
        OsmPoiSource source = new OsmPoiSource();
        assertThatThrownBy(() -> source.read(dir.resolve("missing.osm.pbf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.osm.pbf")
                .hasMessageContaining("does not exist");
        Path empty = Files.createFile(dir.resolve("empty.osm.pbf"));
        assertThatThrownBy(() -> source.read(empty)).hasMessageContaining("empty");
        Path corrupt = Files.write(dir.resolve("corrupt.osm.pbf"), new byte[] {0, 0, 0, 9, 1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> source.read(corrupt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt.osm.pbf");
    }

    private static List<Poi> withTag(List<Poi> pois, String tag) {
        return pois.stream().filter(p -> p.tag().equals(tag)).toList();
    }
}
