package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.TestApp;
import dev.outpost.store.DbSnapshot;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The station API over real HTTP against the real store: happy paths, and every mistake a clear 4xx. */
class StationApiTest {
    static TestApp app;
    static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.start("stationapi", false, Map.of("OUTPOST_MAX_UPLOAD_MB", "1"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return M.readTree(r.body());
    }

    @Test
    void createReadSearchUpdateDelete() throws Exception {
        HttpResponse<String> created = app.send(
                "POST",
                "/api/stations?region=demo",
                "{\"kind\":\"warm_bee_station\",\"name\":\"会展中心暖蜂驿站\",\"lat\":22.5333,\"lon\":114.0556,"
                        + "\"services\":[\"food_heating\",\"phone_charging\"],\"openingHours\":\"Mo-Su 00:00-24:00\","
                        + "\"capacitySeats\":12}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();

        JsonNode one = json(app.get("/api/stations/" + id + "?region=demo"));
        assertThat(one.at("/properties/name").asText()).isEqualTo("会展中心暖蜂驿站");
        assertThat(one.at("/properties/openNow").asBoolean()).isTrue();
        assertThat(one.at("/geometry/coordinates/0").asDouble()).isEqualTo(114.0556);

        JsonNode hit = json(app.get("/api/stations?region=demo&bbox=114.05,22.53,114.06,22.54&services=food_heating"));
        assertThat(hit.get("features")).hasSize(1);
        JsonNode miss = json(app.get("/api/stations?region=demo&bbox=114.05,22.53,114.06,22.54&services=shower"));
        assertThat(miss.get("features")).isEmpty();

        HttpResponse<String> updated = app.send(
                "PUT",
                "/api/stations/" + id + "?region=demo",
                "{\"kind\":\"warm_bee_station\",\"name\":\"会展中心暖蜂驿站\",\"lat\":22.5333,\"lon\":114.0556,"
                        + "\"status\":\"closed\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).at("/properties/status").asText()).isEqualTo("closed");

        assertThat(app.send("DELETE", "/api/stations/" + id + "?region=demo", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(app.get("/api/stations/" + id + "?region=demo").statusCode()).isEqualTo(404);
    }

    @Test
    void callerMistakesAreClearProblemResponsesAndChangeNothing() throws Exception {
        Map<String, String> before = DbSnapshot.of(app.db().database());
        assertProblem(
                app.send(
                        "POST",
                        "/api/stations?region=demo",
                        "{\"kind\":\"spaceport\",\"name\":\"x\",\"lat\":1,\"lon\":2}"),
                422,
                "spaceport");
        assertProblem(
                app.send(
                        "POST",
                        "/api/stations?region=demo",
                        "{\"kind\":\"other\",\"name\":\"x\",\"lat\":95,\"lon\":2}"),
                422,
                "latitude");
        assertProblem(app.send("POST", "/api/stations?region=demo", "{not json"), 400, "not valid JSON");
        assertProblem(app.get("/api/stations?region=atlantis"), 404, "atlantis");
        assertProblem(app.get("/api/stations?region=demo&bbox=1,2,3"), 400, "bbox");
        assertProblem(app.get("/api/stations?region=demo&kind=castle"), 400, "castle");
        assertProblem(app.get("/api/stations?region=demo&limit=0"), 400, "limit");
        assertProblem(app.get("/api/stations?region=demo&openAt=yesterday"), 400, "openAt");
        assertProblem(app.get("/api/stations/abc?region=demo"), 400, "abc");
        assertProblem(app.get("/api/stations/999999?region=demo"), 404, "999999");
        assertProblem(app.get("/api/nowhere"), 404, "/api/nowhere");
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);
    }

    @Test
    void uploadsAreAllOrNothingAndLimited() throws Exception {
        String csv = "编号,类型,名称,经度,纬度\nA1,warm_bee_station,上传站,114.1,22.6\nA2,driver_home,坏行,abc,22.6\n";
        Map<String, String> before = DbSnapshot.of(app.db().database());
        HttpResponse<String> refused =
                app.upload("/api/imports/stations?region=demo", "s.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode report = json(refused);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.at("/errors/0/row").asInt()).isEqualTo(3);
        assertThat(report.at("/errors/0/reason").asText()).contains("abc");
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);

        byte[] big = new byte[1024 * 1024 + 10];
        HttpResponse<String> tooBig = app.upload("/api/imports/stations?region=demo", "big.csv", big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).doesNotContain("Exception").doesNotContain("at dev.");
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);

        HttpResponse<String> dry = app.upload(
                "/api/imports/stations?region=demo&dryRun=true",
                "s.csv",
                csv.replace("abc", "114.2").getBytes(StandardCharsets.UTF_8));
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(json(dry).get("created").asInt()).isEqualTo(2);
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);
    }

    @Test
    void exportsKeepChineseAndAreFormulaSafe() throws Exception {
        app.send(
                "POST",
                "/api/stations?region=demo",
                "{\"kind\":\"other\",\"name\":\"=HYPERLINK(\\\"x\\\")驿站\",\"lat\":22.7,\"lon\":114.2,\"externalId\":\"EXP-1\"}");
        HttpResponse<byte[]> csv = app.getBytes("/api/exports/stations.csv?region=demo");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK").contains("驿站");
        HttpResponse<byte[]> gj = app.getBytes("/api/exports/stations.geojson?region=demo");
        JsonNode fc = M.readTree(gj.body());
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(new String(gj.body(), StandardCharsets.UTF_8)).contains("=HYPERLINK(\\\"x\\\")驿站");
    }

    @Test
    void healthAndMeta() throws Exception {
        assertThat(app.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(json(app.get("/health/ready")).get("status").asText()).isEqualTo("ready");
        JsonNode meta = json(app.get("/api/meta"));
        assertThat(meta.get("kinds")).hasSize(5);
        assertThat(meta.toString()).contains("暖蜂驿站");
    }

    static void assertProblem(HttpResponse<String> r, int status, String detailContains) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).containsIgnoringCase(detailContains);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
