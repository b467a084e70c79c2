package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.TestApp;
import dev.outpost.rider.poster.PosterRendererTestAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Station pages, anonymous check-ins and QR posters over real HTTP on the demo city. */
class CheckinApiTest {
    static final ObjectMapper M = new ObjectMapper();
    static TestApp app;
    static JsonNode stations;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start("checkinapi", true, Map.of("PUBLIC_BASE_URL", "https://outpost.example.cn/"));
        stations = M.readTree(app.get("/api/stations?region=demo").body()).get("features");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode counts(long id) throws Exception {
        HttpResponse<String> r = app.get("/api/stations/" + id + "/checkins?region=demo");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return M.readTree(r.body());
    }

    static int today(long id) throws Exception {
        JsonNode days = counts(id).get("days");
        return days.get(days.size() - 1).get("visits").asInt();
    }

    static HttpResponse<String> page(String code, String cookie) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(app.url("/s/" + code))).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void everyStationHasADistinctShortCode() throws Exception {
        Set<String> codes = new HashSet<>();
        for (JsonNode f : stations) {
            String code = counts(f.get("id").asLong()).get("shortCode").asText();
            assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
            codes.add(code);
        }
        assertThat(codes).hasSize(stations.size());
    }

    @Test
    void visitsCountOncePerDeviceAndDayAndReplaysDoNotInflateThem() throws Exception {
        JsonNode station = stations.get(1);
        long id = station.get("id").asLong();
        String code = counts(id).get("shortCode").asText();
        assertThat(today(id)).isZero();

        // first scan: the page, a new HttpOnly device cookie, one visit
        HttpResponse<String> first = page(code.toLowerCase(java.util.Locale.ROOT), null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(first.body())
                .contains(station.at("/properties/name").asText())
                .contains("data-counted=\"true\"");
        assertThat(first.body()).contains("https://uri.amap.com/navigation?").contains("https://maps.apple.com/?");
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith("outpost_device=")
                .contains("HttpOnly")
                .contains("Path=/s")
                .contains("SameSite=Lax");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
        assertThat(today(id)).isEqualTo(1);

        // replaying the request with the cookie: shown again, never counted again
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = page(code, cookie);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("data-counted=\"false\"");
            assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(today(id)).isEqualTo(1);

        // replaying it without the cookie looks like new devices: at most 20 per address, station and day
        for (int i = 0; i < 30; i++) {
            assertThat(page(code, null).statusCode()).isEqualTo(200);
        }
        assertThat(today(id)).isEqualTo(20);
        // the counts of another station are untouched
        assertThat(today(stations.get(2).get("id").asLong())).isZero();

        // more than 20 requests a minute from one device, or 60 from one address: 429 with Retry-After (tokens come
        // back gradually, one every 3 s per device and every second per address, hence the margins)
        HttpResponse<String> deviceLimited = null;
        for (int i = 0; i < 30 && deviceLimited == null; i++) {
            HttpResponse<String> r = page(code, cookie);
            if (r.statusCode() == 429) {
                deviceLimited = r;
                assertThat(i).as("cookie requests before the device limit").isGreaterThanOrEqualTo(14);
            }
        }
        assertThat(deviceLimited)
                .as("a 429 for the device within 35 requests a minute")
                .isNotNull();
        assertThat(deviceLimited.body()).contains("请求太频繁").contains("this device");
        assertThat(Integer.parseInt(
                        deviceLimited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        HttpResponse<String> addressLimited = null;
        for (int i = 0; i < 40 && addressLimited == null; i++) {
            HttpResponse<String> r = page(code, null);
            if (r.statusCode() == 429) {
                addressLimited = r;
            }
        }
        assertThat(addressLimited).as("a 429 for the address").isNotNull();
        assertThat(addressLimited.body()).contains("this network address");
        assertThat(today(id)).isEqualTo(20);
    }

    @Test
    void unknownCodesAreA404() throws Exception {
        for (String code : new String[] {"ZZZZZZ", "abc", "O0O0O0", "%20", "toolongcode"}) {
            HttpResponse<String> r = page(code, null);
            assertThat(r.statusCode()).as(code).isEqualTo(404);
            assertThat(r.body()).contains("没有这个站点码").contains("Unknown station code");
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void countsValidateTheirParameters() throws Exception {
        long id = stations.get(0).get("id").asLong();
        JsonNode week =
                M.readTree(app.get("/api/stations/" + id + "/checkins?region=demo&from=2026-10-01&to=2026-10-07")
                        .body());
        assertThat(week.get("days")).hasSize(7);
        assertThat(week.get("days").get(0).get("day").asText()).isEqualTo("2026-10-01");
        assertThat(week.get("total").asInt()).isZero();
        StationApiTest.assertProblem(
                app.get("/api/stations/" + id + "/checkins?region=demo&from=2026-10-08&to=2026-10-01"), 400, "after");
        StationApiTest.assertProblem(
                app.get("/api/stations/" + id + "/checkins?region=demo&from=2020-01-01&to=2026-01-01"), 400, "366");
        StationApiTest.assertProblem(
                app.get("/api/stations/" + id + "/checkins?region=demo&from=yesterday"), 400, "'yesterday'");
        StationApiTest.assertProblem(app.get("/api/stations/999999/checkins?region=demo"), 404, "999999");
        StationApiTest.assertProblem(app.get("/api/stations/999999/poster.png?region=demo"), 404, "999999");
    }

    @Test
    void postersLinkToTheStationPage() throws Exception {
        PosterRendererTestAccess.requireFont();
        JsonNode station = stations.get(3);
        long id = station.get("id").asLong();
        String code = counts(id).get("shortCode").asText();

        HttpResponse<byte[]> png = app.getBytes("/api/stations/" + id + "/poster.png?region=demo");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(PosterRendererTestAccess.decodeQr(png.body())).isEqualTo("https://outpost.example.cn/s/" + code);

        HttpResponse<byte[]> pdf = app.getBytes("/api/stations/" + id + "/poster.pdf?region=demo");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String text = PosterRendererTestAccess.pdfToText(pdf.body(), tmp);
        assertThat(text)
                .contains(station.at("/properties/name").asText())
                .contains("扫码查看驿站")
                .contains(code);
        // the poster itself never counts as a visit
        assertThat(today(id)).isZero();
    }
}
