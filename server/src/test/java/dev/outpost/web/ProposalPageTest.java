package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.app.ApiSession;
import dev.outpost.app.TestApp;
import dev.outpost.report.CjkFont;
import dev.outpost.report.ReportUnavailableException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proposal workflow as a district leader meets it, in real Chromium against the real server (issue 6): a planner
 * has submitted a scenario for 河西区; the leader logs in on the review page, sees their district, opens the proposal
 * (its sites, before/after figures, history), approves it with a comment, and downloads the district's PDF, whose
 * text (read back with {@code pdftotext}) holds the district's name and the coverage figure the page shows.
 */
class ProposalPageTest {
    static final String HEXI = "449901";
    static final ObjectMapper M = new ObjectMapper();
    static TestApp app;
    static Browser browser;
    static long proposalId;

    @BeforeAll
    static void start() throws Exception {
        Path csv = TestApp.repoRoot().resolve("geodata/demo-city/candidates.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "skipped: the demo city is absent from " + csv);
        browser = Browser.launch();
        app = TestApp.start("proposalpage", true, Map.of());
        HttpResponse<String> r =
                app.upload("/api/imports/candidates?region=demo", "candidates.csv", Files.readAllBytes(csv));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        app.createUser("planner-zhao", Role.PLANNER, List.of(Area.region("demo")), "planner-pass-7");
        app.createUser("leader-hexi", Role.LEADER, List.of(new Area("demo", HEXI)), "leader-pass-7");
        ApiSession planner = app.login("planner-zhao", "planner-pass-7");
        HttpResponse<String> s = planner.send(
                "POST",
                "/api/scenarios?region=demo",
                "{\"name\":\"河西区补点方案\",\"problem\":\"mclp\",\"p\":3,\"minutes\":5,\"async\":false,"
                        + "\"candidates\":{\"sources\":[\"import\"],\"districts\":[\"" + HEXI + "\"]}}");
        assertThat(s.statusCode()).as(s.body()).isEqualTo(201);
        proposalId = M.readTree(s.body()).get("id").asLong();
        HttpResponse<String> submitted =
                planner.send("POST", "/api/scenarios/" + proposalId + "/submit?region=demo", "{\"comment\":\"请审批\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
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

    static Page.WaitForSelectorOptions upTo(double ms) {
        return new Page.WaitForSelectorOptions().setTimeout(ms);
    }

    @Test
    void aLeaderApprovesTheProposalOfTheirDistrictAndDownloadsItsReport() throws Exception {
        BrowserContext context = browser.get()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1280, 900)
                        .setLocale("zh-CN")
                        .setAcceptDownloads(true));
        Page page = context.newPage();
        page.navigate(app.url("/review.html?region=demo"));
        page.waitForSelector("[data-testid='review-login-first']", upTo(30_000));

        // the leader logs in on the page and lands on their own district
        page.click("[data-testid='login-open']");
        page.fill("[data-testid='login-user']", "leader-hexi");
        page.fill("[data-testid='login-password']", "leader-pass-7");
        page.click("[data-testid='login-submit']");
        page.waitForSelector("[data-testid='review-area-name']:has-text('河西区')", upTo(30_000));
        assertThat(page.textContent("[data-testid='auth-user']")).contains("区域负责人");
        String covered15 = page.textContent("[data-testid='review-covered15']");
        assertThat(covered15).matches("\\d+\\.\\d%");
        // the riders' 5-minute share in the groups table (first row, first figure)
        String rider5 = page.textContent(".review-table tr:nth-child(2) td:nth-child(2)");
        assertThat(rider5).matches("\\d+\\.\\d%");

        // the proposal is listed; opening it shows its sites, figures and history
        String item = "[data-testid='proposal-item'][data-id='" + proposalId + "']";
        page.waitForSelector(item, upTo(30_000));
        page.click(item);
        page.waitForSelector("[data-testid='proposal-detail'][data-id='" + proposalId + "']", upTo(30_000));
        JsonNode scenario = M.readTree(
                app.get("/api/scenarios/" + proposalId + "?region=demo").body());
        JsonNode hexi = null;
        for (JsonNode d : scenario.at("/figures/districts")) {
            if (d.get("code").asText().equals(HEXI)) {
                hexi = d;
            }
        }
        assertThat(hexi).as("the scenario's figures for 河西区").isNotNull();
        assertThat(page.textContent("[data-testid='proposal-before']")).isEqualTo(percent(hexi.get("fractionBefore")));
        assertThat(page.textContent("[data-testid='proposal-after']")).isEqualTo(percent(hexi.get("fractionAfter")));
        assertThat(page.getAttribute("[data-testid='proposal-sites']", "data-count"))
                .isEqualTo("3");
        assertThat(page.textContent("[data-testid='proposal-history']"))
                .contains("提交审批")
                .contains("planner-zhao")
                .contains("请审批");
        assertThat(page.textContent("[data-testid='proposal-status']")).isEqualTo("待审批");

        // sending back without a comment is refused on the page, and nothing is sent
        page.click("[data-testid='proposal-return']");
        page.waitForSelector("[data-testid='proposal-error']", upTo(10_000));
        assertThat(page.textContent("[data-testid='proposal-error']")).contains("必须填写审批意见");

        page.locator("[data-testid='proposals']")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(TestApp.repoRoot().resolve("server/target/proposal-panel.png")));
        // approve with a comment
        page.fill("[data-testid='proposal-comment']", "同意，请尽快落地");
        page.click("[data-testid='proposal-approve']");
        page.waitForSelector("[data-testid='proposal-status'][data-status='approved']", upTo(30_000));
        assertThat(page.textContent("[data-testid='proposal-message']")).contains("3 个站点已列入规划");
        assertThat(page.textContent("[data-testid='proposal-history']"))
                .contains("批准")
                .contains("leader-hexi")
                .contains("同意，请尽快落地");
        page.waitForSelector("[data-testid='proposal-none']", upTo(30_000));
        JsonNode after = M.readTree(
                app.get("/api/scenarios/" + proposalId + "?region=demo").body());
        assertThat(after.get("status").asText()).isEqualTo("approved");
        JsonNode stationIds = after.at("/decisions/1/stationIds");
        assertThat(stationIds).hasSize(3);
        for (JsonNode id : stationIds) {
            JsonNode st = M.readTree(
                    app.get("/api/stations/" + id.asLong() + "?region=demo").body());
            assertThat(st.toString()).contains("\"planned\"");
        }
        page.screenshot(
                new Page.ScreenshotOptions().setPath(TestApp.repoRoot().resolve("server/target/proposal-page.png")));

        // the district's PDF: its text holds the district's name and the figure the page shows
        assumeFont();
        page.waitForSelector("[data-testid='review-download-pdf']", upTo(30_000));
        Download download = page.waitForDownload(() -> page.click("[data-testid='review-download-pdf']"));
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("河西区").contains("15 分钟覆盖率 " + covered15).contains(rider5);
        assertThat(page.textContent("[data-testid='review-covered15']")).isEqualTo(covered15);
        context.close();
    }

    static String percent(JsonNode share) {
        return String.format(Locale.ROOT, "%.1f%%", share.asDouble() * 100);
    }

    static void assumeFont() {
        try {
            CjkFont.locate(System.getenv());
        } catch (ReportUnavailableException e) {
            Assumptions.assumeTrue(System.getenv("CI") != null, "skipped outside CI: " + e.getMessage());
            throw e;
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("proposal-report-", ".pdf");
        try {
            Files.write(file, pdf);
            Process p;
            try {
                p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                        .redirectErrorStream(true)
                        .start();
            } catch (java.io.IOException e) {
                Assumptions.assumeTrue(
                        System.getenv("CI") != null,
                        "skipped outside CI: pdftotext (Debian's poppler-utils) is not installed");
                throw e;
            }
            byte[] text = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as(new String(text, StandardCharsets.UTF_8))
                    .isZero();
            return new String(text, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
