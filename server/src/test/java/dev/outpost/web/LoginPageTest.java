package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SameSiteAttribute;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.app.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staff login on the map page in headless Chromium: who sees the import form, and the page's CSRF header. */
class LoginPageTest {
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = TestApp.start("loginpage", false, Map.of());
        app.createUser("planner", Role.PLANNER, List.of(Area.region("demo")), "planner-pass-1");
        app.createUser("leader", Role.LEADER, List.of(Area.region("demo")), "leader-pass-1");
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

    Page open() {
        BrowserContext ctx = browser.get()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1280, 800)
                        .setLocale("zh-CN"));
        Page page = ctx.newPage();
        page.navigate(app.url("/"));
        page.waitForSelector("body[data-ready='true']", new Page.WaitForSelectorOptions().setTimeout(30_000));
        return page;
    }

    static void logIn(Page page, String user, String password) {
        page.click("[data-testid='login-open']");
        page.fill("[data-testid='login-user']", user);
        page.fill("[data-testid='login-password']", password);
        page.click("[data-testid='login-submit']");
    }

    @Test
    void aPlannerLogsInImportsWithTheCsrfHeaderAndLogsOut() {
        Page page = open();
        assertThat(page.isVisible("[data-testid='import-section']"))
                .as("public: no import form")
                .isFalse();
        assertThat(page.isVisible("[data-testid='login-open']")).isTrue();

        logIn(page, "planner", "planner-pass-1");
        page.waitForSelector("[data-testid='auth-user']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        assertThat(page.textContent("[data-testid='auth-user']"))
                .contains("planner")
                .contains("规划人员");
        assertThat(page.isVisible("[data-testid='import-section']")).isTrue();
        assertThat(page.isVisible("[data-testid='upload-form']")).isTrue();
        assertThat(page.isVisible("[data-testid='login-open']")).isFalse();
        Cookie cookie = page.context().cookies().stream()
                .filter(c -> c.name.equals("outpost_session"))
                .findFirst()
                .orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.STRICT);
        assertThat(page.evaluate("() => document.cookie"))
                .as("scripts cannot read the session")
                .isEqualTo("");

        // a dry-run upload through the form: a write, so it only passes with the session's CSRF token
        String csv = "编号,类型,名称,经度,纬度\nW1,warm_bee_station,页面测试驿站,113.92,22.63\n";
        page.setInputFiles(
                "[data-testid='import-file']",
                new FilePayload("stations.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.click("[data-testid='import-submit']");
        page.waitForSelector("[data-testid='import-report'][data-ok='true']");
        assertThat(page.textContent("[data-testid='report-created']")).isEqualTo("1");

        page.click("[data-testid='logout']");
        page.waitForSelector("[data-testid='login-open']");
        assertThat(page.isVisible("[data-testid='import-section']"))
                .as("logged out: form gone")
                .isFalse();
        assertThat(page.isVisible("[data-testid='auth-user']")).isFalse();
        Object me = page.evaluate("() => fetch('api/auth/me').then(r => r.json()).then(j => j.authenticated)");
        assertThat(me).isEqualTo(false);
        page.context().close();
    }

    @Test
    void aWrongPasswordIsExplainedAndALeaderGetsNoImportForm() {
        Page page = open();
        logIn(page, "leader", "not-the-password");
        page.waitForSelector("[data-testid='login-error']:not([hidden])");
        assertThat(page.textContent("[data-testid='login-error']")).contains("用户名或密码错误");
        assertThat(page.isVisible("[data-testid='import-section']")).isFalse();

        page.fill("[data-testid='login-password']", "leader-pass-1");
        page.click("[data-testid='login-submit']");
        page.waitForSelector("[data-testid='auth-user']");
        assertThat(page.textContent("[data-testid='auth-user']")).contains("区域负责人");
        assertThat(page.isVisible("[data-testid='import-section']"))
                .as("leaders do not import")
                .isFalse();
        // the session survives a reload (the page asks /api/auth/me at start)
        page.reload();
        page.waitForSelector("body[data-ready='true']");
        assertThat(page.isVisible("[data-testid='auth-user']")).isTrue();
        page.click("[data-testid='lang-switch']");
        assertThat(page.textContent("[data-testid='auth-user']")).contains("District leader");
        assertThat(page.textContent("[data-testid='logout']")).isEqualTo("Log out");
        page.context().close();
    }
}
