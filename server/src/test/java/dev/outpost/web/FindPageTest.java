package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.Sizes;
import dev.outpost.app.TestApp;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rider page (find.html) in headless Chromium on a phone-sized screen, against the real server with the demo city:
 * locating, filtering, the route, the hand-off links, touch targets, the page-weight budget and offline use.
 */
class FindPageTest {
    /** A rider in the old town, on the west bank of the demo city's river. */
    static final double LAT = 22.6301;

    static final double LON = 113.9102;

    /** Bytes the page may transfer on first load (HTML, CSS, scripts, API answers; map tiles excluded). */
    static final long PAGE_WEIGHT_BUDGET_BYTES = 250 * 1024;

    static TestApp app;
    static Browser browser;
    static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = TestApp.start("findpage", true, Map.of());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    static BrowserContext phone(boolean withGeolocation, ServiceWorkerPolicy workers) {
        com.microsoft.playwright.Browser.NewContextOptions o = new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("zh-CN")
                .setServiceWorkers(workers);
        if (withGeolocation) {
            o.setGeolocation(new Geolocation(LAT, LON)).setPermissions(List.of("geolocation"));
        }
        return browser.get().newContext(o);
    }

    static Page open(BrowserContext ctx, String path) {
        Page page = ctx.newPage();
        page.navigate(app.url(path));
        page.waitForSelector("body[data-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        return page;
    }

    static JsonNode api(String query) throws Exception {
        return M.readTree(app.get("/api/nearest?region=demo&limit=10&" + query).body());
    }

    static List<String> pageIds(Page page) {
        List<String> ids = new ArrayList<>();
        for (Locator l : page.locator("[data-testid='result']").all()) {
            ids.add(l.getAttribute("data-id"));
        }
        return ids;
    }

    static List<String> apiIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode r : answer.get("results")) {
            ids.add(r.get("id").asText());
        }
        return ids;
    }

    static void waitForResults(Page page, List<String> expectedIds) {
        page.waitForFunction(
                "ids => JSON.stringify([...document.querySelectorAll('[data-testid=result]')].map(e => e.dataset.id))"
                        + " === JSON.stringify(ids)",
                expectedIds,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
    }

    static Map<String, String> params(String link) {
        Map<String, String> m = new HashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void findsStationsFromThePhonesPositionWithRouteAndHandOffLinks() throws Exception {
        try (BrowserContext ctx = phone(true, ServiceWorkerPolicy.BLOCK)) {
            Page page = open(ctx, "/find.html");
            assertThat(page.getAttribute("html", "lang")).isEqualTo("zh-CN");
            assertThat(page.textContent("[data-testid='status']")).contains("请先定位");
            page.click("[data-testid='locate']");
            JsonNode expected = api(String.format(Locale.ROOT, "lat=%.6f&lon=%.6f&mode=ebike", LAT, LON));
            waitForResults(page, apiIds(expected));
            assertThat(pageIds(page)).hasSizeGreaterThan(2);
            assertThat(page.getAttribute("[data-testid='origin']", "data-lat")).isEqualTo("22.630100");

            Locator first = page.locator("[data-testid='result']").first();
            JsonNode best = expected.get("results").get(0);
            assertThat(first.locator("[data-testid='result-name']").textContent())
                    .isEqualTo(best.get("name").asText());
            assertThat(first.locator("[data-testid='minutes']").textContent()).contains("分钟");
            assertThat(first.locator("[data-testid='distance']").textContent()).containsPattern("米|公里");
            assertThat(first.locator("[data-testid='open-state']").getAttribute("data-state"))
                    .isEqualTo(best.get("openState").asText());
            assertThat(first.locator("[data-testid='service-icons'] .svc").count())
                    .isEqualTo(best.get("services").size());

            // the route of the fastest station is drawn; choosing the second draws the second's
            page.waitForSelector("path.find-route");
            assertThat(page.locator("path.find-route").count()).isEqualTo(1);
            assertThat(first.getAttribute("data-selected")).isEqualTo("true");
            Locator second = page.locator("[data-testid='result']").nth(1);
            second.locator("[data-testid='show-route']").click();
            page.waitForSelector("[data-testid='result'][data-rank='2'][data-selected='true']");
            assertThat(page.locator("path.find-route").count()).isEqualTo(1);
            assertThat(page.locator(".find-marker.is-selected").getAttribute("data-station-id"))
                    .isEqualTo(expected.get("results").get(1).get("id").asText());

            // hand-off: Amap and Baidu get WGS 84 and say so, Tencent and Apple get the GCJ-02 position
            first = page.locator("[data-testid='result']").first();
            LatLon station = new LatLon(
                    best.at("/geometry/coordinates/1").asDouble(),
                    best.at("/geometry/coordinates/0").asDouble());
            LatLon gcj = CoordinateSystem.GCJ02.fromWgs84(station);
            String gcjText = String.format(Locale.ROOT, "%.6f,%.6f", gcj.lat(), gcj.lon());
            Map<String, String> amap =
                    params(first.locator("a[data-provider='amap']").getAttribute("href"));
            assertThat(amap.get("to"))
                    .startsWith(String.format(Locale.ROOT, "%.6f,%.6f,", station.lon(), station.lat()));
            assertThat(amap).containsEntry("coordinate", "wgs84").containsEntry("mode", "ride");
            Map<String, String> baidu =
                    params(first.locator("a[data-provider='baidu']").getAttribute("href"));
            assertThat(baidu.get("destination"))
                    .startsWith(String.format(Locale.ROOT, "latlng:%.6f,%.6f|", station.lat(), station.lon()));
            assertThat(baidu).containsEntry("coord_type", "wgs84");
            assertThat(params(first.locator("a[data-provider='tencent']").getAttribute("href"))
                            .get("tocoord"))
                    .isEqualTo(gcjText);
            assertThat(params(first.locator("a[data-provider='apple']").getAttribute("href"))
                            .get("daddr"))
                    .isEqualTo(gcjText);

            // large touch targets: every button and link of the controls and the results is at least 44 × 44 px
            for (Locator target : page.locator(".find-controls button, .find-header a, .find-header button,"
                            + " [data-testid='result'] button, [data-testid='result'] a")
                    .all()) {
                if (target.isVisible()) {
                    BoundingBox box = target.boundingBox();
                    assertThat(box.height)
                            .as("height of %s", target.textContent())
                            .isGreaterThanOrEqualTo(44);
                    assertThat(box.width)
                            .as("width of %s", target.textContent())
                            .isGreaterThanOrEqualTo(44);
                }
            }

            // the address can be copied
            ctx.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            first.locator("[data-testid='copy-address']").click();
            page.waitForSelector("[data-testid='toast']:not([hidden])");
            assertThat(page.textContent("[data-testid='toast']")).contains("地址已复制");
            assertThat(page.evaluate("navigator.clipboard.readText()"))
                    .isEqualTo(best.get("address").asText());
        }
    }

    @Test
    void serviceFiltersNarrowTheStations() throws Exception {
        String where = String.format(Locale.ROOT, "lat=%.6f&lon=%.6f&mode=ebike", LAT, LON);
        List<String> all = apiIds(api(where));
        // a service that some, but not all, of the nearest stations offer
        String service = null;
        List<String> filtered = null;
        for (String s : new String[] {"shower", "battery_swap", "ebike_charging", "toilet", "wifi", "first_aid"}) {
            List<String> ids = apiIds(api(where + "&services=" + s));
            if (!ids.isEmpty() && !ids.equals(all)) {
                service = s;
                filtered = ids;
                break;
            }
        }
        assertThat(service).as("a selective service in the demo city").isNotNull();
        try (BrowserContext ctx = phone(true, ServiceWorkerPolicy.BLOCK)) {
            Page page = open(ctx, "/find.html?" + where);
            waitForResults(page, all);
            page.click("[data-testid='filters'] summary");
            page.click("[data-testid='filter-service-" + service + "']");
            waitForResults(page, filtered);
            for (Locator r : page.locator("[data-testid='result']").all()) {
                assertThat(r.getAttribute("data-services").split(",")).contains(service);
            }
            assertThat(page.getAttribute("[data-testid='filter-service-" + service + "']", "aria-pressed"))
                    .isEqualTo("true");
            assertThat(page.url()).contains("services=" + service);
            // the mode matters too
            page.click("[data-testid='mode-foot']");
            waitForResults(
                    page,
                    apiIds(api(
                            String.format(Locale.ROOT, "lat=%.6f&lon=%.6f&mode=foot&services=%s", LAT, LON, service))));
        }
    }

    @Test
    void tappingTheMapChoosesThePosition() throws Exception {
        try (BrowserContext ctx = phone(false, ServiceWorkerPolicy.BLOCK)) {
            Page page = open(ctx, "/find.html");
            BoundingBox map = page.locator("[data-testid='find-map']").boundingBox();
            page.mouse().click(map.x + map.width * 0.4, map.y + map.height * 0.6);
            page.waitForSelector("[data-testid='origin']");
            double lat = Double.parseDouble(page.getAttribute("[data-testid='origin']", "data-lat"));
            double lon = Double.parseDouble(page.getAttribute("[data-testid='origin']", "data-lon"));
            waitForResults(page, apiIds(api(String.format(Locale.ROOT, "lat=%.6f&lon=%.6f", lat, lon))));
            // without permission the locate button explains instead of failing silently
            page.click("[data-testid='locate']");
            page.waitForSelector("[data-testid='status'][data-kind='error']");
            assertThat(page.textContent("[data-testid='status']")).contains("定位");
        }
    }

    @Test
    void theFirstLoadStaysWithinThePageWeightBudget() {
        try (BrowserContext ctx = phone(true, ServiceWorkerPolicy.BLOCK)) {
            AtomicLong bytes = new AtomicLong();
            List<String> urls = new ArrayList<>();
            Page page = ctx.newPage();
            page.onRequestFinished(r -> {
                Sizes s = r.sizes();
                bytes.addAndGet(Math.max(0, s.responseBodySize) + Math.max(0, s.responseHeadersSize));
                urls.add(r.url());
            });
            page.navigate(app.url(String.format(Locale.ROOT, "/find.html?lat=%.6f&lon=%.6f", LAT, LON)));
            page.waitForSelector("body[data-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
            page.waitForSelector("[data-testid='result']");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertThat(urls).anyMatch(u -> u.contains("/api/nearest")).anyMatch(u -> u.contains("leaflet-src.esm.js"));
            assertThat(bytes.get())
                    .as("bytes transferred by %d requests: %s", urls.size(), urls)
                    .isLessThanOrEqualTo(PAGE_WEIGHT_BUDGET_BYTES)
                    .isGreaterThan(20_000);
        }
    }

    @Test
    void theLastResultsStayAvailableWhenTheNetworkDrops() throws Exception {
        try (BrowserContext ctx = phone(true, ServiceWorkerPolicy.ALLOW)) {
            String path = String.format(Locale.ROOT, "/find.html?lat=%.6f&lon=%.6f", LAT, LON);
            Page page = open(ctx, path);
            List<String> ids = apiIds(api(String.format(Locale.ROOT, "lat=%.6f&lon=%.6f&mode=ebike", LAT, LON)));
            waitForResults(page, ids);
            page.waitForFunction(
                    "navigator.serviceWorker.controller !== null",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(20_000));
            // once more online, now through the service worker, which keeps the answers
            page.reload();
            page.waitForSelector("body[data-ready='true']");
            waitForResults(page, ids);

            ctx.setOffline(true);
            page.reload();
            page.waitForSelector("body[data-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
            waitForResults(page, ids);
            assertThat(page.getAttribute("[data-testid='status']", "data-kind")).isEqualTo("offline");
            assertThat(page.textContent("[data-testid='status']")).contains("网络不可用");
            ctx.setOffline(false);
        }
    }

    @Test
    void theMapPageLinksHereAndTheLanguageSwitches() {
        try (BrowserContext ctx = phone(false, ServiceWorkerPolicy.BLOCK)) {
            Page main = ctx.newPage();
            main.navigate(app.url("/"));
            main.waitForSelector("[data-testid='find-link']");
            main.click("[data-testid='find-link']");
            main.waitForSelector("body[data-ready='true']");
            assertThat(main.url()).endsWith("/find.html");
            assertThat(main.textContent("h1")).isEqualTo("找附近驿站");
            main.click("[data-testid='lang-switch']");
            assertThat(main.getAttribute("html", "lang")).isEqualTo("en");
            assertThat(main.textContent("h1")).isEqualTo("Find a rest station");
            assertThat(main.textContent("[data-testid='locate']")).contains("Locate me");
        }
    }
}
