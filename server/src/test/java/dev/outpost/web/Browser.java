package dev.outpost.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import dev.outpost.app.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium driven by Playwright, never a downloaded browser. Tests call {@link #launch()} in a
 * {@code @BeforeAll}; without {@code /usr/bin/chromium} they are skipped with a message outside CI and fail in CI
 * (where {@code ./outpost test} installs it).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(CHROMIUM + " is missing in CI: ./outpost test installs chromium");
            }
            Assumptions.assumeTrue(false, "browser tests skipped: no Chromium at " + CHROMIUM);
        }
        Playwright pw = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser b = pw.chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new Browser(pw, b);
    }

    com.microsoft.playwright.Browser get() {
        return browser;
    }

    /** A new context that carries the test admin's session cookie for the app's origin (logged in as the admin). */
    BrowserContext asAdmin(TestApp app, com.microsoft.playwright.Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        String cookie = app.admin().cookie();
        int eq = cookie.indexOf('=');
        context.addCookies(List.of(new Cookie(cookie.substring(0, eq), cookie.substring(eq + 1)).setUrl(app.url("/"))));
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
