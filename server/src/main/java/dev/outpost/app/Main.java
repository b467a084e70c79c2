package dev.outpost.app;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry: {@code serve}, {@code demo}, {@code import}, {@code export}, {@code solve}, {@code democity},
 * {@code report}, {@code create-admin}.
 * Errors in the caller's input print one clear line and exit with status 2; no stack trace.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String cmd = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (cmd) {
                case "serve" -> serve(Config.fromEnvironment(env), false, out);
                case "demo" -> serve(Config.fromEnvironment(env), true, out);
                case "import" -> CliCommands.importFiles(Config.fromEnvironment(env), rest, out, err);
                case "export" -> CliCommands.export(Config.fromEnvironment(env), rest, out, err);
                case "democity" -> CliCommands.democity(Config.fromEnvironment(env), rest, out, err);
                case "solve" -> CliCommands.solve(rest, out, err);
                case "report" -> CliCommands.report(Config.fromEnvironment(env), rest, out, err);
                case "create-admin" -> AccountCommands.createAdmin(
                        Config.fromEnvironment(env), rest, System.in, System.console(), out, err);
                default -> {
                    err.println("unknown command '" + cmd
                            + "'; expected serve, demo, import, export, solve, democity, report, create-admin");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static int serve(Config config, boolean demo, PrintStream out) {
        Components c = Components.open(config);
        String defaultRegion = "demo";
        if (demo) {
            new DemoLoader(c).load(config.demoCityDir());
        } else if (c.regions().findAll().size() > 0 && c.regions().find("demo").isEmpty()) {
            defaultRegion = c.regions().findAll().get(0).code();
        }
        // after the demo, whose network is then already loaded: loadRecorded skips regions that have one
        c.networks()
                .loadRecorded(c.regions().findAll().stream()
                        .map(dev.outpost.district.Region::code)
                        .toList());
        Javalin app = c.httpApp(defaultRegion);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            c.close();
            stopped.countDown();
        }));
        app.start(config.port());
        out.println();
        out.println("  Outpost 前哨 is running (" + c.database().description() + ")");
        out.println("  Map:  http://localhost:" + app.port() + "/");
        out.println("  Riders (phone page): http://localhost:" + app.port() + "/find");
        out.println("  Staff (log in first): planning http://localhost:" + app.port() + "/plan.html, review "
                + "http://localhost:" + app.port() + "/review.html, users http://localhost:" + app.port()
                + "/admin.html");
        out.println("  First admin: ./outpost create-admin --user admin");
        config.tls()
                .ifPresent(tls -> out.println(
                        "  HTTPS (needed for a phone's position): https://<this host>:" + tls.port() + "/find"));
        out.println("  Stop: Ctrl+C");
        out.println();
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped");
        return 0;
    }
}
