package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.MouseButton;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.outpost.app.TestApp;
import dev.outpost.planning.ScenarioStatus;
import dev.outpost.store.JooqScenarioRepository;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner page (plan.html) in real Chromium against the real server on the demo city, as the test admin: a
 * scenario created from the form, its ranked sites, curve and figures; drag, add and remove on the map with the
 * figures the API answered; exports read back; two scenarios compared; an exact solve cancelled from the page.
 */
class PlanPageTest {
    static final ObjectMapper M = new ObjectMapper();
    static final double WAIT_MS = 90_000;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path csv = TestApp.repoRoot().resolve("geodata/demo-city/candidates.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "skipped: the demo city is absent from " + csv);
        browser = Browser.launch();
        app = TestApp.start("planpage", true, Map.of());
        HttpResponse<String> r =
                app.upload("/api/imports/candidates?region=demo", "candidates.csv", Files.readAllBytes(csv));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
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

    /** A page logged in as the test admin (its session cookie), with downloads allowed. */
    static Page adminPage(String path) {
        BrowserContext context = browser.asAdmin(
                app,
                new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1400, 900)
                        .setAcceptDownloads(true));
        Page page = context.newPage();
        page.onPageError(e -> System.err.println("page error: " + e));
        page.navigate(app.url(path));
        page.waitForSelector("[data-testid='plan-saved-section']:not([hidden])");
        return page;
    }

    static JsonNode json(String text) throws Exception {
        return M.readTree(text);
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body());
    }

    /** The share as the page writes it in Chinese: one decimal, rounded down, with a percent sign. */
    static String share(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", Math.floor(fraction * 1000 + 1e-9) / 10);
    }

    static void waitFor(Page page, String selector) {
        page.waitForSelector(selector, new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
    }

    /** Waits until the page shows these figures (the raw values in data-value) and checks the text. */
    static void assertFigures(Page page, JsonNode figures) {
        waitFor(
                page,
                "[data-testid='plan-covered-after'][data-value='"
                        + figures.get("coveredAfter").asText() + "']");
        assertThat(Double.parseDouble(page.getAttribute("[data-testid='plan-share-after']", "data-value")))
                .isEqualTo(figures.get("fractionAfter").asDouble());
        assertThat(page.textContent("[data-testid='plan-share-after']"))
                .isEqualTo(share(figures.get("fractionAfter").asDouble()));
        assertThat(page.textContent("[data-testid='plan-share-before']"))
                .isEqualTo(share(figures.get("fractionBefore").asDouble()));
    }

    static List<String> listedNames(Page page) {
        List<String> out = new ArrayList<>();
        for (String text : page.locator("[data-testid='plan-site-name']").allTextContents()) {
            out.add(text.substring(text.indexOf(". ") + 2));
        }
        return out;
    }

    static List<String> siteNames(JsonNode scenario) {
        List<String> out = new ArrayList<>();
        scenario.at("/sites/features")
                .forEach(f -> out.add(f.at("/properties/name").asText()));
        return out;
    }

    static Response waitForApi(Page page, String method, String pathPart, Runnable action) {
        return page.waitForResponse(
                r -> r.request().method().equals(method) && r.url().contains(pathPart),
                new Page.WaitForResponseOptions().setTimeout(WAIT_MS),
                action);
    }

    @Test
    void aScenarioFromTheFormIsRankedChartedEditedOnTheMapAndExported() throws Exception {
        Page page = adminPage("/plan.html?region=demo");
        page.fill("[data-testid='plan-name']", "河西五个新站");
        page.fill("[data-testid='plan-minutes']", "10");
        page.selectOption("[data-testid='plan-problem']", "mclp");
        page.fill("[data-testid='plan-p']", "5");
        page.click("[data-testid='plan-submit']");
        waitFor(page, "[data-testid='plan-result-name']:has-text('河西五个新站')");
        long id = Long.parseLong(page.getAttribute("[data-testid='plan-result']", "data-scenario-id"));
        JsonNode s = get("/api/scenarios/" + id + "?region=demo");
        assertThat(s.at("/request/minutes").asInt()).isEqualTo(10);
        assertThat(s.at("/request/p").asInt()).isEqualTo(5);

        // ranked list: rank order, names and newly covered demand as the API has them
        assertThat(listedNames(page)).isEqualTo(siteNames(s)).hasSize(5);
        @SuppressWarnings("unchecked")
        List<String> newDemand = (List<String>)
                page.locator("[data-testid='plan-site-new']").evaluateAll("els => els.map(e => e.dataset.value)");
        for (int i = 0; i < 5; i++) {
            assertThat(Double.parseDouble(newDemand.get(i)))
                    .isEqualTo(s.at("/sites/features/" + i + "/properties/newDemand")
                            .asDouble());
        }
        // the inputs the scenario keeps
        if (s.at("/inputs/networkVersionId").isNumber()) {
            assertThat(page.textContent("[data-testid='plan-inputs']"))
                    .contains("#" + s.at("/inputs/networkVersionId").asText());
        }
        page.locator("[data-testid='plan-inputs'] summary").click();
        page.locator("[data-testid='plan-result']")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(TestApp.repoRoot().resolve("server/target/plan-result.png")));
        // clicking a proposal pans to it and marks its marker
        page.click("[data-testid='plan-site-3'] [data-testid='plan-site-name']");
        waitFor(page, ".plan-site-marker.is-highlighted[data-site-id='3']");
        // runner-up on expand
        page.locator("[data-testid='plan-site-1'] .plan-runner summary").click();
        String runnerUp = s.at("/sites/features/0/properties/runnerUpName").asText(null);
        if (runnerUp != null) {
            assertThat(page.textContent("[data-testid='plan-site-1'] [data-testid='plan-site-runner']"))
                    .contains(runnerUp);
        }
        // the solve statement never claims more than the server
        String status = s.at("/solve/status").asText();
        String statusText = page.textContent("[data-testid='plan-solve-status']");
        if (status.equals("optimal") && s.at("/solve/proven").asBoolean()) {
            assertThat(statusText).isEqualTo("已证明最优");
        } else {
            assertThat(statusText).doesNotContain("已证明最优");
        }
        // curve 1..N and its flattening point
        assertThat(page.getAttribute("[data-testid='plan-curve']", "data-points"))
                .isEqualTo(String.valueOf(s.at("/curve/points").size()));
        assertThat(page.locator("[data-testid='plan-curve'] .plan-curve-dot").count())
                .isEqualTo(s.at("/curve/points").size() + 1);
        if (s.at("/curve/flattensAfter").isInt()) {
            assertThat(page.getAttribute("[data-testid='plan-curve-flat']", "data-k"))
                    .isEqualTo(s.at("/curve/flattensAfter").asText());
        } else {
            assertThat(page.locator("[data-testid='plan-curve-flat']").count()).isZero();
        }
        assertFigures(page, s.get("figures"));
        assertThat(page.getAttribute("[data-testid='plan-status']", "data-status"))
                .isEqualTo("draft");
        assertThat(page.isVisible("[data-testid='plan-submit-approval']")).isTrue();
        // before / after on the map: the proposed sites are shown only after
        page.click("[data-testid='plan-mode-before']");
        assertThat(page.locator(".plan-site-marker").count()).isZero();
        page.click("[data-testid='plan-mode-after']");
        assertThat(page.locator(".plan-site-marker").count()).isEqualTo(5);

        // drag site 1: the page shows the figures the API answered for the move
        BoundingBox box = page.locator("[data-testid='plan-site-marker-1']").boundingBox();
        BoundingBox mapBox = page.locator("[data-testid='map']").boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        // towards the middle of the map, so the site stays in the city
        double dx = x < mapBox.x + mapBox.width / 2 ? 60 : -60;
        double dy = y < mapBox.y + mapBox.height / 2 ? 40 : -40;
        Response moved = waitForApi(page, "PUT", "/api/scenarios/" + id + "/sites/1", () -> {
            page.mouse().move(x, y);
            page.mouse().down();
            page.mouse().move(x + dx / 2, y + dy / 2, new Mouse.MoveOptions().setSteps(4));
            page.mouse().move(x + dx, y + dy, new Mouse.MoveOptions().setSteps(4));
            page.mouse().up();
        });
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        JsonNode afterMove = json(moved.text());
        assertThat(afterMove.at("/sites/features/0/properties/origin").asText()).isEqualTo("moved");
        assertThat(afterMove.at("/sites/features/0/geometry/coordinates/0").asDouble())
                .isNotEqualTo(s.at("/sites/features/0/geometry/coordinates/0").asDouble());
        assertFigures(page, afterMove.get("figures"));
        assertThat(get("/api/scenarios/" + id + "?region=demo").get("figures")).isEqualTo(afterMove.get("figures"));
        waitFor(page, "[data-testid='plan-site-1']:has-text('手动移动')");

        // right-click on the map adds a site; the × removes it again
        BoundingBox map = page.locator("[data-testid='map']").boundingBox();
        Response added = waitForApi(page, "POST", "/api/scenarios/" + id + "/sites", () -> page.mouse()
                .click(
                        map.x + map.width * 0.35,
                        map.y + map.height * 0.6,
                        new Mouse.ClickOptions().setButton(MouseButton.RIGHT)));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        JsonNode afterAdd = json(added.text());
        assertThat(afterAdd.at("/sites/features")).hasSize(6);
        assertFigures(page, afterAdd.get("figures"));
        waitFor(page, "[data-testid='plan-site-6']");
        assertThat(page.locator(".plan-site-marker").count()).isEqualTo(6);
        Response removed = waitForApi(
                page,
                "DELETE",
                "/api/scenarios/" + id + "/sites/6",
                () -> page.click("[data-testid='plan-site-6'] [data-testid='plan-site-remove']"));
        assertThat(removed.status()).isEqualTo(200);
        JsonNode afterRemove = json(removed.text());
        assertFigures(page, afterRemove.get("figures"));
        assertThat(afterRemove.get("figures")).isEqualTo(afterMove.get("figures"));
        page.waitForSelector(
                "[data-testid='plan-site-6']",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
        assertThat(listedNames(page)).isEqualTo(siteNames(afterRemove));
        page.screenshot(
                new Page.ScreenshotOptions().setPath(TestApp.repoRoot().resolve("server/target/plan-page.png")));

        // the three exports, downloaded from the page, with the Chinese names intact
        List<String> names = siteNames(afterRemove);
        byte[] csv = download(page, "plan-export-csv");
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser p = CSVParser.parse(
                new StringReader(text),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            assertThat(p.getRecords().stream().map((CSVRecord r) -> r.get("名称")).toList())
                    .isEqualTo(names);
        }
        JsonNode geojson = M.readTree(download(page, "plan-export-geojson"));
        List<String> fromGeoJson = new ArrayList<>();
        geojson.get("features")
                .forEach(f -> fromGeoJson.add(f.at("/properties/name").asText()));
        assertThat(fromGeoJson).isEqualTo(names);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(download(page, "plan-export-xlsx")))) {
            assertThat(wb.getSheet("选址方案").getRow(1).getCell(6).getStringCellValue())
                    .isEqualTo(names.get(0));
        }
        page.context().close();
    }

    static byte[] download(Page page, String testId) throws Exception {
        Download d = page.waitForDownload(() -> page.click("[data-testid='" + testId + "']"));
        return Files.readAllBytes(d.path());
    }

    static long create(String body) throws Exception {
        HttpResponse<String> r = app.send("POST", "/api/scenarios?region=demo", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body()).get("id").asLong();
    }

    @Test
    void twoScenariosAreComparedSideBySideAndOnTheMap() throws Exception {
        long a = create("{\"name\":\"对比甲·四站\",\"problem\":\"mclp\",\"p\":4,\"minutes\":5,\"async\":false}");
        long b = create("{\"name\":\"对比乙·两站\",\"problem\":\"mclp\",\"p\":2,\"minutes\":5,"
                + "\"candidates\":{\"sources\":[\"import\"],\"kinds\":[\"gas_station\"]},\"async\":false}");
        JsonNode c = get("/api/scenarios/compare?region=demo&a=" + a + "&b=" + b);
        Page page = adminPage("/plan.html?region=demo");
        page.waitForSelector(
                "[data-testid='plan-compare-a'] option[value='" + b + "']",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        page.selectOption("[data-testid='plan-compare-a']", String.valueOf(a));
        page.selectOption("[data-testid='plan-compare-b']", String.valueOf(b));
        page.click("[data-testid='plan-compare']");
        waitFor(page, "[data-testid='plan-compare-table']");
        page.screenshot(
                new Page.ScreenshotOptions().setPath(TestApp.repoRoot().resolve("server/target/plan-compare.png")));
        assertThat(Double.parseDouble(page.getAttribute("[data-testid='plan-compare-share-a']", "data-value")))
                .isEqualTo(c.at("/figuresA/fractionAfter").asDouble());
        assertThat(Double.parseDouble(page.getAttribute("[data-testid='plan-compare-share-b']", "data-value")))
                .isEqualTo(c.at("/figuresB/fractionAfter").asDouble());
        assertThat(page.textContent("[data-testid='plan-compare-share-a']"))
                .isEqualTo(share(c.at("/figuresA/fractionAfter").asDouble()));
        assertThat(Double.parseDouble(page.getAttribute("[data-testid='plan-compare-covered-diff']", "data-value")))
                .isCloseTo(
                        c.at("/figuresB/coveredAfter").asDouble()
                                - c.at("/figuresA/coveredAfter").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-6));
        List<String> onlyA = new ArrayList<>();
        c.at("/onlyInA/features")
                .forEach(f -> onlyA.add(f.at("/properties/name").asText()));
        List<String> onlyB = new ArrayList<>();
        c.at("/onlyInB/features")
                .forEach(f -> onlyB.add(f.at("/properties/name").asText()));
        if (!onlyA.isEmpty()) {
            assertThat(page.locator("[data-testid='plan-only-a'] li").allTextContents())
                    .isEqualTo(onlyA);
        }
        if (!onlyB.isEmpty()) {
            assertThat(page.locator("[data-testid='plan-only-b'] li").allTextContents())
                    .isEqualTo(onlyB);
        }
        assertThat(onlyA.size() + c.get("inBoth").size()).isEqualTo(4);
        assertThat(onlyB.size() + c.get("inBoth").size()).isEqualTo(2);
        // both sets on the map, in two colours
        assertThat(page.locator("path.plan-compare-a").count()).isEqualTo(4);
        assertThat(page.locator("path.plan-compare-b").count()).isEqualTo(2);
        assertThat(page.locator(".plan-site-marker").count()).isZero();
        // the same view in English
        page.click("[data-testid='lang-switch']");
        waitFor(page, "[data-testid='plan-comparison'] h2:has-text('Comparison')");
        assertThat(page.textContent("[data-testid='plan-compare-share-b']"))
                .isEqualTo(share(c.at("/figuresB/fractionAfter").asDouble()));
        page.click("[data-testid='plan-compare-close']");
        assertThat(page.locator("path.plan-compare-a").count()).isZero();
        page.context().close();
    }

    @Test
    void anExactSolveShowsProgressAndIsCancelledFromThePage() throws Exception {
        int before = get("/api/scenarios?region=demo").size();
        Page page = adminPage("/plan.html?region=demo");
        page.fill("[data-testid='plan-name']", "精确求解·取消");
        // p-center with every demand cell as a candidate: CP-SAT is still proving its bound when cancelled
        page.selectOption("[data-testid='plan-problem']", "pcenter");
        page.fill("[data-testid='plan-p']", "10");
        page.check("[data-testid='plan-sources-greenfield']");
        page.selectOption("[data-testid='plan-solver']", "exact");
        page.fill("[data-testid='plan-timeLimit']", "900");
        page.click("[data-testid='plan-submit']");
        waitFor(page, "[data-testid='plan-job']:not([hidden])");
        long jobId = Long.parseLong(page.getAttribute("[data-testid='plan-job']", "data-job-id"));
        waitFor(page, "[data-testid='plan-job'][data-status='running']");
        // the running search's incumbent, bound and gap under the progress bar, from the job's fields
        waitFor(page, "[data-testid='plan-job-solver']:not([hidden])[data-incumbent]:not([data-incumbent=''])");
        double shown = Double.parseDouble(page.getAttribute("[data-testid='plan-job-solver']", "data-incumbent"));
        assertThat(page.textContent("[data-testid='plan-job-solver']")).startsWith("当前最优 ");
        JsonNode running = get("/api/jobs/" + jobId + "?region=demo");
        assertThat(running.get("progress").asDouble()).isPositive();
        if (running.get("status").asText().equals("running")) {
            // p-center minimises: the incumbent only improves
            assertThat(running.get("incumbent").asDouble()).isLessThanOrEqualTo(shown);
            assertThat(running.get("bound").asDouble())
                    .isLessThanOrEqualTo(running.get("incumbent").asDouble());
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(TestApp.repoRoot().resolve("server/target/plan-job.png")));
        page.click("[data-testid='plan-cancel']");
        waitFor(page, "[data-testid='plan-job'][data-status='cancelled']");
        assertThat(page.textContent("[data-testid='plan-job-text']")).contains("已取消");
        JsonNode job = get("/api/jobs/" + jobId + "?region=demo");
        assertThat(job.get("status").asText()).isEqualTo("cancelled");
        assertThat(get("/api/scenarios?region=demo").size()).isEqualTo(before);
        page.context().close();
    }

    @Test
    void aSubmittedScenarioIsReadOnlyAndTheMapPageLinksToThePlanner() throws Exception {
        long id = create("{\"name\":\"已提交方案\",\"problem\":\"mclp\",\"p\":3,\"minutes\":5,\"async\":false}");
        assertThat(new JooqScenarioRepository(app.components().database())
                        .changeStatus("demo", id, ScenarioStatus.SUBMITTED))
                .isTrue();
        Page page = adminPage("/plan.html?region=demo&scenario=" + id);
        waitFor(page, "[data-testid='plan-result-name']:has-text('已提交方案')");
        assertThat(page.getAttribute("[data-testid='plan-status']", "data-status"))
                .isEqualTo("submitted");
        assertThat(page.isVisible("[data-testid='plan-readonly']")).isTrue();
        assertThat(page.locator("[data-testid='plan-site-remove']").count()).isZero();
        assertThat(page.locator("[data-testid='plan-submit-approval']").count()).isZero();
        assertThat(page.locator(".plan-site-marker").count()).isEqualTo(3);
        assertThat(page.locator(".plan-site-marker.leaflet-marker-draggable").count())
                .isZero();
        assertThat(page.locator("[data-testid='plan-site-name']").allTextContents())
                .hasSize(3);

        // without a login the page only asks for one
        com.microsoft.playwright.BrowserContext anonymous = browser.get().newContext();
        Page outsider = anonymous.newPage();
        outsider.navigate(app.url("/plan.html?region=demo"));
        waitFor(outsider, "[data-testid='plan-login-needed']:visible");
        assertThat(outsider.isVisible("[data-testid='plan-form']")).isFalse();
        anonymous.close();

        // the map page's header links here for logged-in staff
        page.navigate(app.url("/?region=demo"));
        waitFor(page, "[data-testid='plan-link']:visible");
        assertThat(page.getAttribute("[data-testid='plan-link']", "href")).isEqualTo("./plan.html");
        page.context().close();
    }

    @Test
    void formMistakesAndInfeasibleRequestsAreExplainedAndSaveNothing() throws Exception {
        int before = get("/api/scenarios?region=demo").size();
        Page page = adminPage("/plan.html?region=demo");
        // checked in the page: no name
        page.click("[data-testid='plan-submit']");
        waitFor(page, "[data-testid='plan-error']:has-text('方案名称')");
        // checked by the server: 1 万元 buys no site, so 99 % cannot be reached
        page.fill("[data-testid='plan-name']", "做不到的方案");
        page.fill("[data-testid='plan-minutes']", "5");
        page.selectOption("[data-testid='plan-problem']", "partial");
        page.fill("[data-testid='plan-target']", "99");
        page.fill("[data-testid='plan-budget']", "1");
        page.fill("[data-testid='plan-cost']", "50");
        page.click("[data-testid='plan-submit']");
        // answered at once (422) or, when the matrices were still to be built, as a failed job
        waitFor(page, "text=no feasible answer");
        assertThat(get("/api/scenarios?region=demo").size()).isEqualTo(before);
        page.context().close();
    }

    @Test
    void aPlannerSubmitsAScenarioForApprovalFromThePage() throws Exception {
        // one site lies in one district, so the submission finds its area without being told
        long id = create("{\"name\":\"待提交方案\",\"problem\":\"mclp\",\"p\":1,\"minutes\":5,\"async\":false}");
        Page page = adminPage("/plan.html?region=demo&scenario=" + id);
        waitFor(page, "[data-testid='plan-result-name']:has-text('待提交方案')");
        assertThat(page.getAttribute("[data-testid='plan-status']", "data-status"))
                .isEqualTo("draft");
        page.fill("[data-testid='plan-submit-comment']", "请审阅：新增一处驿站");
        Response r = waitForApi(
                page,
                "POST",
                "/api/scenarios/" + id + "/submit",
                () -> page.click("[data-testid='plan-submit-approval']"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);

        // the page turns read-only and shows the history the server keeps
        waitFor(page, "[data-testid='plan-status'][data-status='submitted']");
        assertThat(page.locator("[data-testid='plan-submit-approval']").count()).isZero();
        assertThat(page.locator("[data-testid='plan-site-remove']").count()).isZero();
        String history = page.textContent("[data-testid='plan-decisions']");
        assertThat(history).contains("已提交审批").contains("请审阅：新增一处驿站");

        JsonNode s = get("/api/scenarios/" + id + "?region=demo");
        assertThat(s.get("status").asText()).isEqualTo("submitted");
        assertThat(s.get("area").asText()).isNotBlank();
        assertThat(s.get("decisions")).hasSize(1);
        assertThat(s.at("/decisions/0/comment").asText()).isEqualTo("请审阅：新增一处驿站");
        assertThat(history).contains(s.at("/decisions/0/actor").asText());
        page.context().close();
    }

    /** The h3 addresses of the cells drawn in one class. */
    @SuppressWarnings("unchecked")
    static java.util.Set<String> drawn(Page page, String cellClass) {
        return new java.util.TreeSet<>((List<String>) page.locator("path.plan-cell-" + cellClass)
                .evaluateAll("els => els.map(e => e.getAttribute('data-h3'))"));
    }

    /** The h3 addresses and summed weight of the API's cells in one state. */
    static java.util.Set<String> apiCells(JsonNode cells, String state, double[] weight) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode f : cells.get("features")) {
            if (f.at("/properties/state").asText().equals(state)) {
                out.add(f.at("/properties/h3").asText());
                weight[0] += f.at("/properties/weight").asDouble();
            }
        }
        return out;
    }

    /** After mode: the page draws exactly the API's new cells in green and its uncovered ones in red. */
    static void assertCellsAsApi(Page page, long id, JsonNode scenario) throws Exception {
        int edits = scenario.get("editCount").asInt();
        waitFor(page, "[data-testid='plan-legend'][data-cells-edit-count='" + edits + "']");
        JsonNode cells = get("/api/scenarios/" + id + "/cells?region=demo");
        assertThat(cells.get("editCount").asInt()).isEqualTo(edits);
        double[] newWeight = {0};
        java.util.Set<String> fresh = apiCells(cells, "new", newWeight);
        java.util.Set<String> gaps = apiCells(cells, "uncovered", new double[1]);
        assertThat(fresh).isNotEmpty();
        assertThat(drawn(page, "new")).isEqualTo(fresh);
        assertThat(drawn(page, "gap")).isEqualTo(gaps);
        assertThat(Integer.parseInt(page.getAttribute("[data-testid='plan-legend-new']", "data-cells")))
                .isEqualTo(fresh.size());
        double pageWeight = Double.parseDouble(page.getAttribute("[data-testid='plan-legend-new']", "data-weight"));
        org.assertj.core.data.Offset<Double> eps = org.assertj.core.data.Offset.offset(1e-6);
        assertThat(pageWeight).isCloseTo(newWeight[0], eps);
        // the hand-checkable identity: what the new cells weigh is what the new sites add to the figures
        JsonNode f = scenario.get("figures");
        assertThat(pageWeight)
                .isCloseTo(
                        f.get("coveredAfter").asDouble()
                                - f.get("coveredBefore").asDouble(),
                        eps);
    }

    @Test
    void theCellLayerShowsBeforeAndAfterAsTheApiAndFollowsADrag() throws Exception {
        long id = create("{\"name\":\"格网图层\",\"problem\":\"mclp\",\"p\":3,\"minutes\":5,\"async\":false}");
        JsonNode s = get("/api/scenarios/" + id + "?region=demo");
        Page page = adminPage("/plan.html?region=demo&scenario=" + id);
        waitFor(page, "[data-testid='plan-result-name']:has-text('格网图层')");
        assertCellsAsApi(page, id, s);
        JsonNode cells = get("/api/scenarios/" + id + "/cells?region=demo");
        // before: every cell outside the existing circles in red, none green
        page.click("[data-testid='plan-mode-before']");
        java.util.Set<String> outside = new java.util.TreeSet<>();
        cells.get("features").forEach(x -> outside.add(x.at("/properties/h3").asText()));
        assertThat(drawn(page, "gap")).isEqualTo(outside);
        assertThat(drawn(page, "new")).isEmpty();
        assertThat(page.getAttribute("[data-testid='plan-legend-gap']", "data-cells"))
                .isEqualTo(String.valueOf(outside.size()));
        assertThat(page.locator("[data-testid='plan-legend-new']").count()).isZero();
        page.click("[data-testid='plan-mode-after']");
        java.util.Set<String> newBefore = drawn(page, "new");
        page.screenshot(
                new Page.ScreenshotOptions().setPath(TestApp.repoRoot().resolve("server/target/plan-cells.png")));

        // drag site 1: the layer changes to the API's new answer
        BoundingBox box = page.locator("[data-testid='plan-site-marker-1']").boundingBox();
        BoundingBox mapBox = page.locator("[data-testid='map']").boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        double dx = x < mapBox.x + mapBox.width / 2 ? 80 : -80;
        double dy = y < mapBox.y + mapBox.height / 2 ? 50 : -50;
        Response moved = waitForApi(page, "PUT", "/api/scenarios/" + id + "/sites/1", () -> {
            page.mouse().move(x, y);
            page.mouse().down();
            page.mouse().move(x + dx / 2, y + dy / 2, new Mouse.MoveOptions().setSteps(4));
            page.mouse().move(x + dx, y + dy, new Mouse.MoveOptions().setSteps(4));
            page.mouse().up();
        });
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        JsonNode afterMove = json(moved.text());
        assertCellsAsApi(page, id, afterMove);
        assertThat(drawn(page, "new")).isNotEqualTo(newBefore);
        page.context().close();
    }
}
