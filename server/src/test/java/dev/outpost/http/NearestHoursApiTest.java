package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening hours through {@code /api/nearest}, in Asia/Shanghai: each station below offers one service no other
 * offers, so asking for that service asks about that station alone. They stand on a street of the demo city's road
 * network (region "demo" without the demo stations).
 */
class NearestHoursApiTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String WHERE = "lat=22.633925&lon=113.914633";
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start("nearesthours", false, Map.of());
        app.importNetwork("demo", TestApp.repoRoot().resolve("geodata/demo-city/roads.osm"));
        create("夜间站", "Mo-Su 06:00-24:00", "shower", 113.914633);
        create("通宵站", "Mo-Su 18:00-02:00", "legal_aid", 113.914700);
        create("全天站", "24/7", "books", 113.914800);
        create("工作日站", "Mo-Fr 09:00-18:00; PH off", "discount_meals", 113.914900);
        create("关闭站", "24/7", "battery_swap", 113.915000, "closed");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void create(String name, String hours, String service, double lon) throws Exception {
        create(name, hours, service, lon, "open");
    }

    static void create(String name, String hours, String service, double lon, String status) throws Exception {
        String body = "{\"kind\":\"warm_bee_station\",\"name\":\"" + name + "\",\"lat\":22.633925,\"lon\":" + lon
                + ",\"services\":[\"" + service + "\"],\"openingHours\":\"" + hours + "\",\"status\":\"" + status
                + "\"}";
        HttpResponse<String> r = app.send("POST", "/api/stations?region=demo", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** The stations offering {@code service} open at {@code at}, as "name:openState:closesAt". */
    static List<String> open(String service, String at) throws Exception {
        HttpResponse<String> r = app.get("/api/nearest?region=demo&" + WHERE + "&services=" + service + "&openAt="
                + URLEncoder.encode(at, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = M.readTree(r.body());
        assertThat(body.get("method").asText()).isEqualTo("network");
        List<String> out = new ArrayList<>();
        for (JsonNode x : body.get("results")) {
            out.add(x.get("name").asText() + ":" + x.get("openState").asText() + ":"
                    + x.get("closesAt").asText());
        }
        return out;
    }

    @Test
    void openAt2359AndClosedAt0001() throws Exception {
        assertThat(open("shower", "2026-03-10T23:59:00+08:00"))
                .containsExactly("夜间站:closes_soon:2026-03-11T00:00:00+08:00");
        assertThat(open("shower", "2026-03-11T00:01:00+08:00")).isEmpty();
        assertThat(open("shower", "2026-03-11T05:59:00+08:00")).isEmpty();
        assertThat(open("shower", "2026-03-11T06:00:00+08:00")).containsExactly("夜间站:open:2026-03-12T00:00:00+08:00");
        // the same instant written in UTC
        assertThat(open("shower", "2026-03-10T15:59:00Z")).hasSize(1);
        assertThat(open("shower", "2026-03-10T16:01:00Z")).isEmpty();
    }

    @Test
    void overnightSpansRunPastMidnight() throws Exception {
        assertThat(open("legal_aid", "2026-03-10T17:59:00+08:00")).isEmpty();
        assertThat(open("legal_aid", "2026-03-10T23:00:00+08:00"))
                .containsExactly("通宵站:open:2026-03-11T02:00:00+08:00");
        assertThat(open("legal_aid", "2026-03-11T01:45:00+08:00"))
                .containsExactly("通宵站:closes_soon:2026-03-11T02:00:00+08:00");
        assertThat(open("legal_aid", "2026-03-11T02:00:00+08:00")).isEmpty();
    }

    @Test
    void roundTheClockIsAlways24h() throws Exception {
        for (String at :
                new String[] {"2026-03-10T03:00:00+08:00", "2026-10-01T00:00:00+08:00", "2026-02-17T12:00:00+08:00"}) {
            assertThat(open("books", at)).containsExactly("全天站:24h:null");
        }
    }

    @Test
    void publicHolidaysAndMakeUpWorkingDays() throws Exception {
        // National Day 2026: 1-7 October off; Saturday 10 October is a make-up working day (调休上班)
        assertThat(open("discount_meals", "2026-10-01T10:00:00+08:00")).isEmpty();
        assertThat(open("discount_meals", "2026-10-07T10:00:00+08:00")).isEmpty();
        assertThat(open("discount_meals", "2026-10-09T10:00:00+08:00"))
                .containsExactly("工作日站:open:2026-10-09T18:00:00+08:00");
        assertThat(open("discount_meals", "2026-10-10T10:00:00+08:00"))
                .containsExactly("工作日站:open:2026-10-10T18:00:00+08:00");
        assertThat(open("discount_meals", "2026-10-11T10:00:00+08:00")).isEmpty();
        assertThat(open("discount_meals", "2026-10-09T17:40:00+08:00"))
                .containsExactly("工作日站:closes_soon:2026-10-09T18:00:00+08:00");
    }

    @Test
    void closedStationsAreNeverProposed() throws Exception {
        assertThat(open("battery_swap", "2026-03-10T12:00:00+08:00")).isEmpty();
    }
}
