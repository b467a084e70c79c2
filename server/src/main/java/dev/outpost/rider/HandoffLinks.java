package dev.outpost.rider;

import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One-tap links that hand navigation to a station over to the map apps riders use. Pure: built by {@link #of} from
 * the station's WGS 84 position, its name and the travel mode. Immutable and thread-safe.
 *
 * <p>Each provider gets coordinates in the system it reads:
 *
 * <ul>
 *   <li><b>Amap</b> (高德) — {@code https://uri.amap.com/navigation?to=lon,lat,name&mode=ride|car|walk
 *       &coordinate=wgs84&callnative=1&src=outpost}: WGS 84, declared with {@code coordinate=wgs84}. Parameters as in
 *       Amap's URI API guide "路径规划" (https://lbs.amap.com/api/uri-api/guide/travel/route): {@code to} is
 *       {@code lon,lat[,name]}; {@code mode} is {@code car}, {@code bus}, {@code walk} or {@code ride} (riding only on
 *       phones); {@code callnative=1} tries to open the installed app (not inside WeChat's browser); the coordinate
 *       parameter is described in the getting-started guide (https://lbs.amap.com/api/uri-api/gettingstarted:
 *       {@code coordinate=wgs84} = GPS coordinates, default GCJ-02).
 *   <li><b>Baidu</b> (百度) — web {@code https://api.map.baidu.com/direction?origin=..&destination=latlng:lat,lon|name:..
 *       &coord_type=wgs84&mode=riding|driving|walking&output=html&src=outpost} and app
 *       {@code baidumap://map/direction?destination=..&coord_type=wgs84&mode=..&src=outpost}: WGS 84, declared with
 *       {@code coord_type=wgs84} (Baidu's default is BD-09). From Baidu's URI API (web "公交、驾车、步行导航",
 *       https://lbsyun.baidu.com/index.php?title=uri/api/web, and the Android/iOS direction interface,
 *       https://lbsyun.baidu.com/docs/webapi?title=mapadjustment%2Furi%2Fandriod): {@code destination} is
 *       {@code latlng:lat,lng|name:..} (latitude first), {@code output=html} is required on the web, {@code src} names
 *       the caller. The web page lists {@code transit/driving/walking} and requires an origin; {@code riding} is
 *       documented for the apps. The web link carries the rider's position as origin when it is known.
 *   <li><b>Tencent</b> (腾讯) — {@code https://apis.map.qq.com/uri/v1/routeplan?type=bike|drive|walk&to=name
 *       &tocoord=lat,lon&referer=outpost}: <b>GCJ-02</b>, converted here with {@link CoordinateSystem#GCJ02}, because
 *       the app interface ({@code qqmap://map/routeplan}) has no coordinate-type parameter and both read Tencent
 *       (GCJ-02) coordinates by default. From Tencent's URI API (https://lbs.qq.com/webApi/uriV1/uriGuide/uriWebRoute
 *       and .../uriMobileRoute): {@code tocoord} is {@code lat,lng}; {@code type} is {@code bus}, {@code drive},
 *       {@code walk}, and {@code bike} in the apps.
 *   <li><b>Apple Maps</b> — {@code https://maps.apple.com/?daddr=lat,lon&dirflg=d|w} (Apple's "Map Links" reference:
 *       {@code daddr} destination, {@code dirflg} {@code d} driving, {@code w} walking; there is no cycling flag, so
 *       e-bikes use {@code d}). Apple's map of mainland China comes from AutoNavi and is drawn in GCJ-02, and the URL
 *       has no coordinate-type parameter, so inside China's GCJ-02 box the link carries GCJ-02 coordinates; outside
 *       it GCJ-02 equals WGS 84 (the algorithm does not shift there), which is what Apple reads elsewhere. Caveat: the
 *       box is rough and also covers Hong Kong, Macao and Taiwan, where Apple's map is WGS 84; links to stations there
 *       are off by the GCJ-02 shift (a few hundred metres).
 * </ul>
 *
 * <p>Station names are put into the links URL-encoded (UTF-8, spaces as {@code %20}); the characters that separate
 * fields inside Amap's and Baidu's parameters ({@code , | :}) are replaced by their full-width forms first.
 *
 * @param amap Amap navigation link (web page that opens the app)
 * @param baidu Baidu web direction link
 * @param baiduApp Baidu app link ({@code baidumap://})
 * @param tencent Tencent route-planning link (GCJ-02)
 * @param apple Apple Maps directions link (GCJ-02 inside China, WGS 84 elsewhere)
 */
public record HandoffLinks(String amap, String baidu, String baiduApp, String tencent, String apple) {

    /** The {@code src} / {@code referer} value that names this application to the providers. */
    public static final String SOURCE = "outpost";

    private static final String BAIDU_WEB = "https://api.map.baidu.com/direction?";

    public HandoffLinks {
        Objects.requireNonNull(amap, "amap");
        Objects.requireNonNull(baidu, "baidu");
        Objects.requireNonNull(baiduApp, "baiduApp");
        Objects.requireNonNull(tencent, "tencent");
        Objects.requireNonNull(apple, "apple");
    }

    /**
     * The links to {@code destination}.
     *
     * @param origin the rider's WGS 84 position, or null when unknown (the apps then start from the phone's own
     *     position)
     * @param destination the station's WGS 84 position
     * @param name the station's name, shown by the apps; blank names are replaced by "驿站"
     * @param mode how the rider travels
     */
    public static HandoffLinks of(LatLon origin, LatLon destination, String name, TravelMode mode) {
        return forStation(destination, name, mode).from(origin);
    }

    /**
     * The links to {@code destination} without a starting point: what {@link #of} gives for an unknown origin. They
     * depend only on the station and the mode, so callers may keep them and add the rider's position with {@link
     * #from}.
     */
    public static HandoffLinks forStation(LatLon destination, String name, TravelMode mode) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(mode, "mode");
        String label = name == null || name.isBlank() ? "驿站" : name.strip();
        String safe = label.replace(',', '，').replace('|', '｜').replace(':', '：');

        Map<String, String> amap = new LinkedHashMap<>();
        amap.put("to", coord(destination.lon()) + "," + coord(destination.lat()) + "," + safe);
        amap.put("mode", amapMode(mode));
        amap.put("coordinate", "wgs84");
        amap.put("callnative", "1");
        amap.put("src", SOURCE);

        String baiduDestination =
                "latlng:" + coord(destination.lat()) + "," + coord(destination.lon()) + "|name:" + safe;
        Map<String, String> baidu = new LinkedHashMap<>();
        baidu.put("destination", baiduDestination);
        baidu.put("coord_type", "wgs84");
        baidu.put("mode", baiduMode(mode));
        baidu.put("output", "html");
        baidu.put("src", SOURCE);

        Map<String, String> baiduApp = new LinkedHashMap<>();
        baiduApp.put("destination", baiduDestination);
        baiduApp.put("coord_type", "wgs84");
        baiduApp.put("mode", baiduMode(mode));
        baiduApp.put("src", SOURCE);

        LatLon gcj = CoordinateSystem.GCJ02.fromWgs84(destination);
        Map<String, String> tencent = new LinkedHashMap<>();
        tencent.put("type", tencentType(mode));
        tencent.put("to", label);
        tencent.put("tocoord", coord(gcj.lat()) + "," + coord(gcj.lon()));
        tencent.put("referer", SOURCE);

        Map<String, String> apple = new LinkedHashMap<>();
        apple.put("daddr", coord(gcj.lat()) + "," + coord(gcj.lon()));
        apple.put("dirflg", mode == TravelMode.FOOT ? "w" : "d");

        return new HandoffLinks(
                "https://uri.amap.com/navigation?" + query(amap),
                BAIDU_WEB + query(baidu),
                "baidumap://map/direction?" + query(baiduApp),
                "https://apis.map.qq.com/uri/v1/routeplan?" + query(tencent),
                "https://maps.apple.com/?" + query(apple));
    }

    /**
     * These links with the rider's position as the start of Baidu's web link (which needs one; the apps start from the
     * phone's own position). The same links when {@code origin} is null.
     */
    public HandoffLinks from(LatLon origin) {
        return origin == null ? this : fromStart(startParameter(origin));
    }

    /**
     * The Baidu web link's start parameter ({@code origin=…}, URL-encoded) for a rider at {@code origin}: worked out
     * once per query when the links of many stations get the same start (see {@link #fromStart}).
     */
    static String startParameter(LatLon origin) {
        return "origin=" + encode("latlng:" + coord(origin.lat()) + "," + coord(origin.lon()) + "|name:我的位置");
    }

    /** {@link #from(LatLon)} with the start parameter already made by {@link #startParameter}. */
    HandoffLinks fromStart(String start) {
        if (!baidu.startsWith(BAIDU_WEB) || baidu.startsWith(BAIDU_WEB + "origin=")) {
            return this;
        }
        return new HandoffLinks(
                amap, BAIDU_WEB + start + "&" + baidu.substring(BAIDU_WEB.length()), baiduApp, tencent, apple);
    }

    /** The links by provider key ({@code amap}, {@code baidu}, {@code baiduApp}, {@code tencent}, {@code apple}). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("amap", amap);
        m.put("baidu", baidu);
        m.put("baiduApp", baiduApp);
        m.put("tencent", tencent);
        m.put("apple", apple);
        return m;
    }

    static String amapMode(TravelMode mode) {
        switch (mode) {
            case EBIKE:
                return "ride";
            case FOOT:
                return "walk";
            default:
                return "car";
        }
    }

    static String baiduMode(TravelMode mode) {
        switch (mode) {
            case EBIKE:
                return "riding";
            case FOOT:
                return "walking";
            default:
                return "driving";
        }
    }

    static String tencentType(TravelMode mode) {
        switch (mode) {
            case EBIKE:
                return "bike";
            case FOOT:
                return "walk";
            default:
                return "drive";
        }
    }

    /** Six decimals (about 0.1 m), dot as decimal separator whatever the locale. */
    static String coord(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }

    private static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(encode(e.getValue()));
        }
        return sb.toString();
    }

    /**
     * UTF-8 percent-encoding of a query value; {@code ,} and {@code :} stay readable (RFC 3986 allows them in a
     * query), {@code |} becomes {@code %7C}, a space {@code %20}.
     */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2C", ",")
                .replace("%3A", ":");
    }
}
