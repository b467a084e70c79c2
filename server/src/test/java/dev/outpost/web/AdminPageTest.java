package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.app.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user administration page (admin.html) in headless Chromium on the demo: an admin creates a leader for 河西区
 * (a bad password and a taken name are explained next to their fields), the leader logs in and reviews that district
 * on review.html, the admin disables the leader, whose session ends; a planner gets "no access" and the API refuses.
 */
class AdminPageTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String HEXI = "449901";
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = TestApp.start("adminpage", true, Map.of());
        app.createUser("plan.wang", Role.PLANNER, List.of(Area.region("demo")), "planner-pass-1");
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

    static Page open(String path) {
        BrowserContext ctx = browser.get()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1280, 900)
                        .setLocale("zh-CN"));
        Page page = ctx.newPage();
        page.navigate(app.url(path));
        page.waitForSelector("body[data-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        return page;
    }

    static void logIn(Page page, String user, String password) {
        page.click("[data-testid='login-open']");
        page.fill("[data-testid='login-user']", user);
        page.fill("[data-testid='login-password']", password);
        page.click("[data-testid='login-submit']");
        page.waitForSelector("[data-testid='auth-user']", new Page.WaitForSelectorOptions().setTimeout(10_000));
    }

    static String row(String user) {
        return "[data-testid='admin-user-row'][data-user='" + user + "']";
    }

    @Test
    void anAdminCreatesALeaderWhoReviewsTheirDistrictUntilDisabled() throws Exception {
        Page admin = open("/admin.html");
        assertThat(admin.textContent("[data-testid='admin-denied-text']")).contains("请先以管理员身份登录");
        assertThat(admin.isVisible("[data-testid='admin-content']")).isFalse();
        logIn(admin, TestApp.ADMIN, app.adminPassword());
        admin.waitForSelector(row(TestApp.ADMIN));
        assertThat(admin.textContent(row(TestApp.ADMIN) + " [data-testid='admin-user-role']"))
                .isEqualTo("管理员");
        // the admin has just logged in: the list knows when
        assertThat(admin.textContent(row(TestApp.ADMIN) + " [data-testid='admin-user-last-login']"))
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        // a leader for 河西区, first with a password that is too short: the server's reason shows by the field
        admin.fill("[data-testid='admin-user']", "li.hexi");
        admin.fill("[data-testid='admin-display-name']", "李河西");
        admin.selectOption("[data-testid='admin-role']", "leader");
        admin.check("[data-testid='admin-district-" + HEXI + "']");
        admin.fill("[data-testid='admin-password']", "short");
        admin.click("[data-testid='admin-submit']");
        admin.waitForSelector("[data-testid='admin-error-password']:not([hidden])");
        assertThat(admin.textContent("[data-testid='admin-error-password']")).contains("at least");
        assertThat(admin.isVisible(row("li.hexi"))).isFalse();
        assertThat(app.get("/api/admin/users").body()).doesNotContain("li.hexi");

        admin.fill("[data-testid='admin-password']", "hexi-leader-pass-1");
        admin.click("[data-testid='admin-submit']");
        admin.waitForSelector(row("li.hexi"));
        assertThat(admin.textContent("[data-testid='admin-status']")).contains("已创建用户 li.hexi");
        assertThat(admin.isVisible("[data-testid='admin-error-password']")).isFalse();
        assertThat(admin.textContent(row("li.hexi") + " [data-testid='admin-user-role']"))
                .isEqualTo("区域负责人");
        assertThat(admin.textContent(row("li.hexi") + " [data-testid='admin-user-areas']"))
                .isEqualTo("河西区");
        assertThat(admin.textContent(row("li.hexi") + " [data-testid='admin-user-last-login']"))
                .isEqualTo("未知");
        JsonNode stored = user("li.hexi");
        assertThat(stored.get("role").asText()).isEqualTo("leader");
        assertThat(stored.get("displayName").asText()).isEqualTo("李河西");
        assertThat(stored.get("areas").toString()).isEqualTo("[{\"region\":\"demo\",\"district\":\"449901\"}]");

        admin.screenshot(
                new Page.ScreenshotOptions().setPath(TestApp.repoRoot().resolve("server/target/admin-page.png")));

        // the same name again: the conflict shows by the user name
        admin.fill("[data-testid='admin-user']", "li.hexi");
        admin.selectOption("[data-testid='admin-role']", "planner");
        admin.fill("[data-testid='admin-password']", "another-pass-12");
        admin.click("[data-testid='admin-submit']");
        admin.waitForSelector("[data-testid='admin-error-user']:not([hidden])");
        assertThat(admin.textContent("[data-testid='admin-error-user']")).contains("already exists");

        // the leader logs in and reviews 河西区 on review.html, but not another district
        Page leader = open("/");
        logIn(leader, "li.hexi", "hexi-leader-pass-1");
        assertThat(leader.textContent("[data-testid='auth-user']"))
                .contains("李河西")
                .contains("区域负责人");
        assertThat(leader.isVisible("[data-testid='admin-link']"))
                .as("leaders get no admin link")
                .isFalse();
        leader.navigate(app.url("/review.html?region=demo&area=" + HEXI));
        leader.waitForSelector(
                "[data-testid='review-area-name']:has-text('河西区')",
                new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertThat(status(leader, "api/review?region=demo&area=" + HEXI)).isEqualTo(200);
        assertThat(status(leader, "api/review?region=demo&area=449902")).isEqualTo(403);

        // the admin disables the leader: the list says so and the leader's session is over
        admin.click(row("li.hexi") + " [data-testid='admin-toggle']");
        admin.waitForSelector(row("li.hexi") + " [data-testid='admin-user-state']:has-text('已停用')");
        assertThat(admin.textContent("[data-testid='admin-status']")).contains("已停用用户 li.hexi");
        assertThat(user("li.hexi").get("disabled").asBoolean()).isTrue();
        assertThat(status(leader, "api/review?region=demo&area=" + HEXI)).isEqualTo(401);

        // disabling oneself is refused with the server's reason in the row
        admin.click(row(TestApp.ADMIN) + " [data-testid='admin-toggle']");
        admin.waitForSelector(row(TestApp.ADMIN) + " [data-testid='admin-row-error']");
        assertThat(admin.textContent(row(TestApp.ADMIN) + " [data-testid='admin-row-error']"))
                .contains("you cannot disable your own account");
        assertThat(user(TestApp.ADMIN).get("disabled").asBoolean()).isFalse();

        // a planner becomes leader of 江东区 (449902) only: role and areas change
        app.createUser("zhao.edit", Role.PLANNER, List.of(Area.region("demo")), "zhao-pass-123");
        admin.reload();
        admin.waitForSelector(row("zhao.edit"));
        assertThat(admin.textContent(row("zhao.edit") + " [data-testid='admin-user-areas']"))
                .isEqualTo("示范市（合成数据）");
        admin.click(row("zhao.edit") + " [data-testid='admin-edit']");
        assertThat(admin.textContent("[data-testid='admin-form-title']")).isEqualTo("修改用户 zhao.edit");
        assertThat(admin.isChecked("[data-testid='admin-whole-region']")).isTrue();
        admin.selectOption("[data-testid='admin-role']", "leader");
        admin.uncheck("[data-testid='admin-whole-region']");
        admin.check("[data-testid='admin-district-449902']");
        admin.click("[data-testid='admin-submit']");
        admin.waitForSelector(row("zhao.edit") + " [data-testid='admin-user-role']:has-text('区域负责人')");
        assertThat(admin.textContent("[data-testid='admin-status']")).contains("已保存用户 zhao.edit");
        JsonNode zhao = user("zhao.edit");
        assertThat(zhao.get("role").asText()).isEqualTo("leader");
        assertThat(zhao.get("areas").toString()).isEqualTo("[{\"region\":\"demo\",\"district\":\"449902\"}]");
        assertThat(admin.textContent("[data-testid='admin-form-title']")).isEqualTo("新建用户");

        // English
        admin.click("[data-testid='lang-switch']");
        assertThat(admin.textContent(row("li.hexi") + " [data-testid='admin-user-state']"))
                .isEqualTo("Disabled");
        assertThat(admin.textContent("[data-testid='admin-form-title']")).isEqualTo("New user");
        admin.context().close();
        leader.context().close();
    }

    @Test
    void aPlannerSeesNoAccessAndTheApiRefuses() {
        Page page = open("/");
        logIn(page, "plan.wang", "planner-pass-1");
        assertThat(page.isVisible("[data-testid='admin-link']")).isFalse();
        page.navigate(app.url("/admin.html"));
        page.waitForSelector("body[data-ready='true']");
        assertThat(page.isVisible("[data-testid='admin-denied']")).isTrue();
        assertThat(page.textContent("[data-testid='admin-denied-text']"))
                .contains("无权访问")
                .contains("规划人员");
        assertThat(page.isVisible("[data-testid='admin-content']")).isFalse();
        assertThat(page.locator("[data-testid='admin-user-row']").count()).isZero();
        assertThat(status(page, "api/admin/users")).isEqualTo(403);
        page.context().close();
    }

    @Test
    void theMapPageLinksToTheAdminPageForAdminsOnly() {
        Page page = open("/");
        assertThat(page.isVisible("[data-testid='admin-link']")).isFalse();
        logIn(page, TestApp.ADMIN, app.adminPassword());
        page.waitForSelector("[data-testid='admin-link']");
        page.click("[data-testid='admin-link']");
        page.waitForSelector("body[data-ready='true']");
        assertThat(page.url()).endsWith("/admin.html");
        page.waitForSelector(row(TestApp.ADMIN));
        page.context().close();
    }

    /** The HTTP status of a GET made by the page itself (with its session cookie). */
    static int status(Page page, String path) {
        Object s = page.evaluate("p => fetch(p).then(r => r.status)", path);
        return ((Number) s).intValue();
    }

    static JsonNode user(String name) throws Exception {
        for (JsonNode u : M.readTree(app.get("/api/admin/users").body()).get("users")) {
            if (u.get("user").asText().equals(name)) {
                return u;
            }
        }
        throw new AssertionError("no user " + name);
    }
}
