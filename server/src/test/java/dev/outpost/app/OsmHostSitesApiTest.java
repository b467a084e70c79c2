package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.geo.SharedData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OSM host sites end to end: an extract uploaded to {@code POST /api/imports/candidates} and listed by
 * {@code GET /api/candidates?source=osm}, with their kind and its Chinese and English labels. Town halls come from
 * the real Liechtenstein extract (no shared extract has community centres); community centres and halls from a small
 * hand-written file.
 */
class OsmHostSitesApiTest {
    static final ObjectMapper M = new ObjectMapper();
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("osm_hosts", false, Map.of());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return M.readTree(r.body());
    }

    static List<String> describe(JsonNode collection) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : collection.get("features")) {
            JsonNode p = f.get("properties");
            out.add(p.get("id").asText() + " " + p.get("kind").asText() + " "
                    + p.get("kindZh").asText() + " " + p.get("kindEn").asText() + " "
                    + p.get("name").asText());
        }
        return out;
    }

    @Test
    void theTownHallsOfLiechtensteinAreListedAsTownHalls() throws Exception {
        byte[] pbf = Files.readAllBytes(SharedData.require("geodata/osm/liechtenstein.osm.pbf"));
        json(app.upload("/api/imports/candidates?region=demo", "liechtenstein.osm.pbf", pbf), 200);
        JsonNode halls = json(app.get("/api/candidates?region=demo&source=osm&kind=town_hall"), 200);
        assertThat(halls.get("total").asInt()).isEqualTo(3);
        assertThat(describe(halls))
                .containsExactly(
                        "osm:n935278222 town_hall 街道办事处 Town hall Landtag",
                        "osm:w28712183 town_hall 街道办事处 Town hall Rathaus Vaduz",
                        "osm:w297699576 town_hall 街道办事处 Town hall Rathaus");
        JsonNode landtag = halls.at("/features/0/geometry/coordinates");
        assertThat(landtag.get(0).asDouble()).isCloseTo(9.5226559, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(landtag.get(1).asDouble()).isCloseTo(47.137707, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void communityCentresAndHallsAreListedAsCommunityCentres() throws Exception {
        String osm =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <osm version="0.6">
                  <node id="1" lat="22.600" lon="113.900"><tag k="amenity" v="community_centre"/>
                    <tag k="name" v="柳岸社区党群服务中心"/></node>
                  <node id="2" lat="22.610" lon="113.910"><tag k="amenity" v="townhall"/>
                    <tag k="name" v="长青街道办事处"/></node>
                  <node id="3" lat="22.620" lon="113.920"><tag k="amenity" v="social_facility"/>
                    <tag k="name" v="敬老院"/></node>
                  <node id="4" lat="22.630" lon="113.930"><tag k="amenity" v="community_hall"/></node>
                  <node id="5" lat="22.650" lon="113.950"><tag k="amenity" v="fuel"/><tag k="shop" v="convenience"/>
                    <tag k="name" v="中石化长青站"/></node>
                </osm>
                """;
        JsonNode report = json(
                app.upload("/api/imports/candidates?region=demo", "hosts.osm", osm.getBytes(StandardCharsets.UTF_8)),
                200);
        assertThat(report.get("source").asText()).isEqualTo("osm");
        assertThat(report.get("created").asInt()).isEqualTo(4);
        JsonNode all = json(app.get("/api/candidates?region=demo&source=osm"), 200);
        // an OSM import replaces the region's OSM candidates: whatever another test imported before is gone
        assertThat(describe(all))
                .containsExactly(
                        "osm:n1 community_centre 社区服务中心 Community centre 柳岸社区党群服务中心",
                        "osm:n2 town_hall 街道办事处 Town hall 长青街道办事处",
                        "osm:n4 community_centre 社区服务中心 Community centre 社区服务中心 n4",
                        "osm:n5 gas_station 加油站 Gas station 中石化长青站");
        JsonNode centres = json(app.get("/api/candidates?region=demo&source=osm&kind=community_centre"), 200);
        assertThat(centres.get("total").asInt()).isEqualTo(2);
    }
}
