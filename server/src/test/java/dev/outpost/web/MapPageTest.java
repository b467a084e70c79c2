package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.outpost.app.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo map in real headless Chromium against the real server with the demo city loaded. */
class MapPageTest {
    static TestApp app;
    static Browser browser;
    static JsonNode stations;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.launch();
        app = TestApp.start("mappage", true, Map.of());
        stations = new ObjectMapper()
                .readTree(app.get("/api/stations?region=demo").body())
                .get("features");
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

    Page open(String path, List<String> failedRequests) {
        BrowserContext ctx = browser.get()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1280, 800)
                        .setLocale("zh-CN"));
        Page page = ctx.newPage();
        page.onRequestFailed(r -> failedRequests.add(r.url()));
        page.navigate(app.url(path));
        page.waitForSelector("body[data-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        return page;
    }

    @Test
    void showsEveryDemoStationAndTheDistrictsWithNoInternet() {
        assertThat(stations.size()).as("the demo city has stations").isGreaterThan(20);
        List<String> failed = new ArrayList<>();
        Page page = open("/", failed);
        String count = page.getAttribute("[data-testid='station-count']", "data-count");
        assertThat(Integer.parseInt(count)).isEqualTo(stations.size());
        assertThat(page.locator("path.district-boundary").count()).isGreaterThan(0);
        assertThat(page.locator("[data-testid='legend']").isVisible()).isTrue();
        // every asset came from this server: no request left the machine, none failed
        assertThat(failed).isEmpty();
        page.context().close();
    }

    @Test
    void popupShowsTheStationWithServicesAndHours() {
        JsonNode first = stations.get(0);
        long id = first.get("id").asLong();
        String name = first.at("/properties/name").asText();
        Page page = open("/#station=" + id, new ArrayList<>());
        page.waitForSelector("[data-testid='station-popup']");
        String text = page.textContent("[data-testid='station-popup']");
        assertThat(text).contains(name);
        assertThat(page.getAttribute("[data-testid='station-popup']", "data-station-id"))
                .isEqualTo(String.valueOf(id));
        page.context().close();
    }

    @Test
    void languageSwitchTurnsThePageToEnglishAndBack() {
        Page page = open("/", new ArrayList<>());
        assertThat(page.getAttribute("html", "lang")).isEqualTo("zh-CN");
        String zhLegend = page.textContent("[data-testid='legend']");
        assertThat(zhLegend).contains("暖蜂驿站");
        page.click("[data-testid='lang-switch']");
        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
        assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        assertThat(page.textContent("[data-testid='legend']")).contains("Warm-bee station");
        page.click("[data-testid='lang-switch']");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("zh-CN");
        page.context().close();
    }
}
