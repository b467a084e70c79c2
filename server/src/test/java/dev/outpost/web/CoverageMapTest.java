package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.outpost.app.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The coverage layers in real Chromium against the real server: the page shows what the API computes. */
class CoverageMapTest {
    static TestApp app;
    static Browser browser;
    static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = TestApp.start("coveragemap", true, Map.of());
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

    Page open(String path) {
        Page page = browser.get()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        page.navigate(app.url(path));
        page.waitForSelector("body[data-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        page.waitForSelector("body[data-coverage-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        return page;
    }

    @Test
    void summaryAndGapListMatchTheApiForEachWorkerGroup() throws Exception {
        for (String group : new String[] {"rider", "truck"}) {
            JsonNode api = M.readTree(
                    app.get("/api/coverage/summary?region=demo&group=" + group).body());
            double expected = api.at("/overall/coveredShare/15").asDouble();
            Page page = open("/?group=" + group);
            page.waitForSelector("[data-testid='coverage-summary'][data-covered15]:not([data-covered15=''])");
            double shown = Double.parseDouble(page.getAttribute("[data-testid='coverage-summary']", "data-covered15"));
            assertThat(shown).as(group).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            JsonNode gaps = M.readTree(app.get("/api/coverage/gaps?region=demo&group=" + group + "&limit=20")
                    .body());
            assertThat(page.locator("[data-testid='gap-item']").count())
                    .as(group)
                    .isEqualTo(Math.min(gaps.get("features").size(), 20));
            page.context().close();
        }
    }

    @Test
    void zoomedInTheHexLayerDrawsCells() {
        Page page = open("/?group=rider");
        page.click(".leaflet-control-zoom-in");
        page.click(".leaflet-control-zoom-in");
        page.waitForFunction(
                "() => { const e = document.querySelector(\"[data-testid='coverage-hex-layer']\");"
                        + " return e && Number(e.dataset.count) > 0; }",
                null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        int count = Integer.parseInt(page.getAttribute("[data-testid='coverage-hex-layer']", "data-count"));
        assertThat(count).isGreaterThan(0);
        page.context().close();
    }
}
