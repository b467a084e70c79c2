package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.outpost.app.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting a scenario from the planner page (plan.html) in real Chromium against the real server on the demo city, as
 * the test admin: the 删除方案 button only on a draft never submitted, the confirmation in the page's language
 * (dismissed: nothing happens), the deletion (the result closes, the saved list drops it, the API answers 404), and a
 * refusal of the server shown as an error.
 */
class PlanDeletePageTest {
    static final ObjectMapper M = new ObjectMapper();
    static final double WAIT_MS = 90_000;
    static final String HEXI = "449901";
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path csv = TestApp.repoRoot().resolve("geodata/demo-city/candidates.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "skipped: the demo city is absent from " + csv);
        browser = Browser.launch();
        app = TestApp.start("plandelete", true, Map.of());
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

    /** A page logged in as the test admin, showing scenario {@code id}. */
    static Page scenarioPage(long id) {
        BrowserContext context = browser.asAdmin(
                app, new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1400, 900));
        Page page = context.newPage();
        page.onPageError(e -> System.err.println("page error: " + e));
        page.navigate(app.url("/plan.html?region=demo&scenario=" + id));
        waitFor(page, "[data-testid='plan-result'][data-scenario-id='" + id + "']:not([hidden])");
        return page;
    }

    static void waitFor(Page page, String selector) {
        page.waitForSelector(selector, new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
    }

    /** A solved draft of two sites among the candidates of 河西区; its id. */
    static long draft(String name) throws Exception {
        HttpResponse<String> r = app.send(
                "POST",
                "/api/scenarios?region=demo",
                "{\"name\":\"" + name + "\",\"problem\":\"mclp\",\"p\":2,\"minutes\":5,\"async\":false,"
                        + "\"candidates\":{\"sources\":[\"import\"],\"districts\":[\"" + HEXI + "\"]}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return M.readTree(r.body()).get("id").asLong();
    }

    static void submit(long id) {
        HttpResponse<String> r = app.send("POST", "/api/scenarios/" + id + "/submit?region=demo", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The scenario ids the saved-scenario list offers. */
    static List<String> listed(Page page) {
        List<String> ids = new ArrayList<>();
        for (Object v : (List<?>) page.locator("[data-testid='plan-scenario-select'] option")
                .evaluateAll("els => els.map(e => e.value)")) {
            ids.add(String.valueOf(v));
        }
        return ids;
    }

    @Test
    void aDraftIsDeletedFromThePageAfterConfirmingAndLeavesTheList() throws Exception {
        long id = draft("页面上删除的草稿");
        long other = draft("留下的草稿");
        Page page = scenarioPage(id);
        assertThat(listed(page)).contains(Long.toString(id), Long.toString(other));
        assertThat(page.textContent("[data-testid='plan-delete']")).isEqualTo("删除方案");

        // dismissed: no request, the scenario stays
        AtomicReference<String> asked = new AtomicReference<>();
        List<String> deletes = new ArrayList<>();
        page.onRequest(r -> {
            if (r.method().equals("DELETE")) {
                deletes.add(r.url());
            }
        });
        page.onceDialog(d -> {
            asked.set(d.message());
            d.dismiss();
        });
        page.click("[data-testid='plan-delete']");
        assertThat(asked.get()).isEqualTo("确定删除方案“页面上删除的草稿”吗？删除后无法恢复。");
        assertThat(deletes).isEmpty();
        assertThat(app.get("/api/scenarios/" + id + "?region=demo").statusCode())
                .isEqualTo(200);
        assertThat(page.isVisible("[data-testid='plan-result']")).isTrue();

        // confirmed: DELETE answers 204, the result closes and the list no longer offers it
        page.onceDialog(d -> d.accept());
        Response answer = page.waitForResponse(
                r -> r.request().method().equals("DELETE") && r.url().contains("/api/scenarios/" + id),
                new Page.WaitForResponseOptions().setTimeout(WAIT_MS),
                () -> page.click("[data-testid='plan-delete']"));
        assertThat(answer.status()).isEqualTo(204);
        waitFor(page, "[data-testid='plan-deleted']:not([hidden])");
        assertThat(page.textContent("[data-testid='plan-deleted']")).isEqualTo("方案“页面上删除的草稿”已删除");
        assertThat(page.isHidden("[data-testid='plan-result']")).isTrue();
        assertThat(page.isHidden("[data-testid='plan-error']")).isTrue();
        page.waitForFunction(
                "id => ![...document.querySelectorAll(\"[data-testid='plan-scenario-select'] option\")]"
                        + ".some(o => o.value === id)",
                Long.toString(id),
                new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        assertThat(listed(page)).doesNotContain(Long.toString(id)).contains(Long.toString(other));
        assertThat(page.inputValue("[data-testid='plan-scenario-select']")).isEmpty();
        assertThat(app.get("/api/scenarios/" + id + "?region=demo").statusCode())
                .isEqualTo(404);
        assertThat(app.get("/api/scenarios/" + other + "?region=demo").statusCode())
                .isEqualTo(200);
        page.context().close();
    }

    @Test
    void aSubmittedScenarioOffersNoDeleteAndTheEnglishPageAsksInEnglish() throws Exception {
        long submitted = draft("已提交的方案");
        submit(submitted);
        long id = draft("English draft");
        Page page = scenarioPage(submitted);
        assertThat(page.getAttribute("[data-testid='plan-status']", "data-status"))
                .isEqualTo("submitted");
        assertThat(page.locator("[data-testid='plan-delete']").count()).isZero();

        page.selectOption("[data-testid='plan-scenario-select']", Long.toString(id));
        waitFor(page, "[data-testid='plan-result'][data-scenario-id='" + id + "']");
        page.click("[data-testid='lang-switch']");
        waitFor(page, "[data-testid='plan-delete']:has-text('Delete scenario')");
        AtomicReference<String> asked = new AtomicReference<>();
        page.onceDialog(d -> {
            asked.set(d.message());
            d.dismiss();
        });
        page.click("[data-testid='plan-delete']");
        assertThat(asked.get()).isEqualTo("Delete scenario \"English draft\"? This cannot be undone.");
        assertThat(app.get("/api/scenarios/" + id + "?region=demo").statusCode())
                .isEqualTo(200);
        page.context().close();
    }

    @Test
    void aRefusalOfTheServerIsShownAndTheScenarioStaysOpen() throws Exception {
        long id = draft("别处已提交");
        Page page = scenarioPage(id);
        waitFor(page, "[data-testid='plan-delete']");
        // submitted elsewhere while the page still shows it as a draft
        submit(id);
        page.onceDialog(d -> d.accept());
        Response answer = page.waitForResponse(
                r -> r.request().method().equals("DELETE") && r.url().contains("/api/scenarios/" + id),
                new Page.WaitForResponseOptions().setTimeout(WAIT_MS),
                () -> page.click("[data-testid='plan-delete']"));
        assertThat(answer.status()).isEqualTo(409);
        waitFor(page, "[data-testid='plan-error']:not([hidden])");
        assertThat(page.textContent("[data-testid='plan-error']"))
                .startsWith("scenario " + id + " is submitted; only a draft that was never submitted can be deleted");
        assertThat(page.getAttribute("[data-testid='plan-result']", "data-scenario-id"))
                .isEqualTo(Long.toString(id));
        assertThat(listed(page)).contains(Long.toString(id));
        JsonNode s = M.readTree(app.get("/api/scenarios/" + id + "?region=demo").body());
        assertThat(s.get("status").asText()).isEqualTo("submitted");
        page.context().close();
    }
}
