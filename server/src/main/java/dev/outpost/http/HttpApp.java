package dev.outpost.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;

/** Builds the Javalin application: static web page, JSON API, error mapping. Does not start it. */
public final class HttpApp {
    private HttpApp() {}

    public static Javalin create(HttpSettings settings, HttpServices services) {
        return create(settings, services, config -> {});
    }

    /**
     * As {@link #create(HttpSettings, HttpServices)}, with a further configuration step applied last (e.g. {@link
     * Tls#connector} for HTTPS).
     */
    public static Javalin create(
            HttpSettings settings, HttpServices services, java.util.function.Consumer<JavalinConfig> extraConfig) {
        Params params = new Params(services.regions(), settings.defaultRegion());
        List<Routes> groups = new ArrayList<>();
        groups.add(new MetaRoutes(services.regions(), settings, services.ready()));
        groups.add(new StationRoutes(services.stations(), params, services.clock()));
        groups.add(new DistrictRoutes(services.districts(), params));
        groups.add(new ImportRoutes(services.imports(), params, settings.maxUploadBytes()));
        groups.add(new ExportRoutes(services.stations(), params, services.clock()));
        // accounts and access (the filter below checks every route against the access policy)
        AccessFilter access = new AccessFilter(
                services.security().accounts(), services.security().authorizer(), settings.defaultRegion());
        groups.add(new AuthRoutes(services.security().accounts()));
        groups.add(new AdminRoutes(services.security().accounts()));
        groups.add(new AuditRoutes(services.security()));
        groups.addAll(services.extraRoutes().apply(params));
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.newMapper(), true));
            config.http.maxRequestSize = settings.maxUploadBytes();
            config.http.defaultContentType = "application/json";
            config.startup.showJavalinBanner = false;
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(
                    settings.maxUploadBytes() + 1024 * 1024, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(8, io.javalin.config.SizeUnit.MB);
            if (settings.webDir() != null && java.nio.file.Files.isDirectory(settings.webDir())) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = settings.webDir().toString();
                    sf.location = Location.EXTERNAL;
                });
            }
            access.register(config.routes); // binds the Actor; 401/403 before any handler runs
            ErrorMapper.register(config.routes);
            for (Routes r : groups) {
                r.register(config.routes);
            }
            extraConfig.accept(config);
        });
    }
}
