package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.outpost.app.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The area review page in real Chromium against the real server: it shows what /api/review computes. */
class ReviewPageTest {
    static TestApp app;
    static Browser browser;
    static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = TestApp.start("reviewpage", true, Map.of());
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

    static String share(JsonNode review) {
        for (JsonNode g : review.get("groups")) {
            if (g.get("group").asText().equals("rider")) {
                return String.format(
                        Locale.ROOT, "%.1f%%", g.at("/figures/coveredShare/15").asDouble() * 100);
            }
        }
        throw new AssertionError("no rider figures");
    }

    @Test
    void aDistrictsReviewDrillsDownToASubdistrictAndDownloadsItsPdf() throws Exception {
        // the review is for logged-in staff: the browser carries the test admin's session cookie
        com.microsoft.playwright.BrowserContext context = browser.asAdmin(
                app,
                new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1280, 900)
                        .setAcceptDownloads(true));
        Page page = context.newPage();
        page.navigate(app.url("/review.html?region=demo&area=449901"));
        page.waitForSelector("[data-testid='review-panel']");
        page.waitForSelector(
                "[data-testid='review-area-name']:has-text('河西区')",
                new Page.WaitForSelectorOptions().setTimeout(30_000));
        JsonNode hexi =
                M.readTree(app.get("/api/review?region=demo&area=449901").body());
        assertThat(page.textContent("[data-testid='review-covered15']")).isEqualTo(share(hexi));
        assertThat(page.getAttribute("[data-testid='review-download-xlsx']", "href"))
                .endsWith("api/reports/449901.xlsx?region=demo&group=rider");

        // choose a subdistrict of 河西区 in the panel: its own figures replace the district's
        page.selectOption("[data-testid='review-area-select']", "449901001");
        page.waitForSelector(
                "[data-testid='review-area-name']:has-text('松柏街道')",
                new Page.WaitForSelectorOptions().setTimeout(30_000));
        JsonNode songbai =
                M.readTree(app.get("/api/review?region=demo&area=449901001").body());
        assertThat(page.textContent("[data-testid='review-covered15']")).isEqualTo(share(songbai));
        Path shot = TestApp.repoRoot().resolve("server/target/review-page.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));

        Download download = page.waitForDownload(() -> page.click("[data-testid='review-download-xlsx']"));
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(new String(bytes, 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PK");
        assertThat(download.suggestedFilename()).startsWith("review-449901001-").endsWith(".xlsx");
    }
}
