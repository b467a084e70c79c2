package dev.outpost.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandoffLinksTest {
    /** A demo-city station (WGS 84). */
    static final LatLon STATION = new LatLon(22.633925, 113.914633);

    static final LatLon RIDER = new LatLon(22.6301, 113.9102);

    static Map<String, String> params(String link) {
        URI uri = URI.create(link);
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static String six(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    @Test
    void amapAndBaiduTakeWgs84AndSaySo() {
        HandoffLinks l = HandoffLinks.of(RIDER, STATION, "河西区暖蜂驿站(泰安店)", TravelMode.EBIKE);

        assertThat(l.amap()).startsWith("https://uri.amap.com/navigation?");
        Map<String, String> amap = params(l.amap());
        assertThat(amap.get("to")).isEqualTo("113.914633,22.633925,河西区暖蜂驿站(泰安店)");
        assertThat(amap)
                .containsEntry("mode", "ride")
                .containsEntry("coordinate", "wgs84")
                .containsEntry("callnative", "1")
                .containsEntry("src", "outpost");

        assertThat(l.baidu()).startsWith("https://api.map.baidu.com/direction?");
        Map<String, String> baidu = params(l.baidu());
        assertThat(baidu.get("destination")).isEqualTo("latlng:22.633925,113.914633|name:河西区暖蜂驿站(泰安店)");
        assertThat(baidu.get("origin")).isEqualTo("latlng:22.630100,113.910200|name:我的位置");
        assertThat(baidu)
                .containsEntry("coord_type", "wgs84")
                .containsEntry("mode", "riding")
                .containsEntry("output", "html")
                .containsEntry("src", "outpost");

        assertThat(l.baiduApp()).startsWith("baidumap://map/direction?");
        assertThat(params(l.baiduApp()))
                .containsEntry("coord_type", "wgs84")
                .containsEntry("destination", baidu.get("destination"))
                .doesNotContainKey("origin");
    }

    @Test
    void tencentGetsTheGcj02TransformOfTheStation() {
        HandoffLinks l = HandoffLinks.of(null, STATION, "驿站", TravelMode.CAR);
        LatLon gcj = CoordinateSystem.GCJ02.fromWgs84(STATION);
        // the shift in Shenzhen is a few hundred metres: the link must not carry the WGS 84 position
        assertThat(gcj.distanceMeters(STATION)).isBetween(200.0, 800.0);

        assertThat(l.tencent()).startsWith("https://apis.map.qq.com/uri/v1/routeplan?");
        Map<String, String> t = params(l.tencent());
        assertThat(t.get("tocoord")).isEqualTo(six(gcj.lat()) + "," + six(gcj.lon()));
        assertThat(t).containsEntry("type", "drive").containsEntry("to", "驿站").containsEntry("referer", "outpost");
        String[] latLon = t.get("tocoord").split(",");
        LatLon back = CoordinateSystem.GCJ02.toWgs84(Double.parseDouble(latLon[1]), Double.parseDouble(latLon[0]));
        assertThat(back.distanceMeters(STATION)).isLessThan(0.5);
    }

    @Test
    void appleUsesGcj02InsideChinaAndWgs84Elsewhere() {
        LatLon gcj = CoordinateSystem.GCJ02.fromWgs84(STATION);
        Map<String, String> china =
                params(HandoffLinks.of(null, STATION, "驿站", TravelMode.EBIKE).apple());
        assertThat(china.get("daddr")).isEqualTo(six(gcj.lat()) + "," + six(gcj.lon()));
        assertThat(china.get("dirflg")).isEqualTo("d");

        LatLon vaduz = new LatLon(47.141, 9.5209);
        Map<String, String> abroad =
                params(HandoffLinks.of(null, vaduz, "Rathaus", TravelMode.FOOT).apple());
        assertThat(abroad.get("daddr")).isEqualTo("47.141000,9.520900");
        assertThat(abroad.get("dirflg")).isEqualTo("w");
    }

    @Test
    void modesMapToEachProvidersWords() {
        for (TravelMode m : TravelMode.values()) {
            HandoffLinks l = HandoffLinks.of(null, STATION, "驿站", m);
            String amap = params(l.amap()).get("mode");
            String baidu = params(l.baidu()).get("mode");
            String tencent = params(l.tencent()).get("type");
            switch (m) {
                case EBIKE -> assertThat(new String[] {amap, baidu, tencent}).containsExactly("ride", "riding", "bike");
                case FOOT -> assertThat(new String[] {amap, baidu, tencent}).containsExactly("walk", "walking", "walk");
                default -> assertThat(new String[] {amap, baidu, tencent}).containsExactly("car", "driving", "drive");
            }
        }
    }

    @Test
    void separatorsInNamesCannotBreakTheParameters() {
        HandoffLinks l = HandoffLinks.of(null, STATION, "A,B|C:D E&F=G", TravelMode.EBIKE);
        assertThat(params(l.amap()).get("to")).isEqualTo("113.914633,22.633925,A，B｜C：D E&F=G");
        assertThat(params(l.baidu()).get("destination")).isEqualTo("latlng:22.633925,113.914633|name:A，B｜C：D E&F=G");
        assertThat(params(l.tencent()).get("to")).isEqualTo("A,B|C:D E&F=G");
        for (String link : l.asMap().values()) {
            assertThat(link).doesNotContain(" ").doesNotContain("&F=G");
            URI.create(link);
        }
        assertThat(params(HandoffLinks.of(null, STATION, "  ", TravelMode.EBIKE).amap())
                        .get("to"))
                .endsWith(",驿站");
    }
}
