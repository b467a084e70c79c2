package dev.outpost.http;

import dev.outpost.dataio.StationCsvWriter;
import dev.outpost.dataio.StationGeoJsonWriter;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** {@code /api/exports/stations.geojson} and {@code .csv}: the region's stations as files, Chinese text intact. */
public final class ExportRoutes implements Routes {
    private final StationCatalog stations;
    private final Params params;

    ExportRoutes(StationCatalog stations, Params params, Clock clock) {
        this.stations = stations;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/exports/stations.geojson", ctx -> export(ctx, true));
        routes.get("/api/exports/stations.csv", ctx -> export(ctx, false));
    }

    private void export(Context ctx, boolean geojson) {
        String region = params.region(ctx).code();
        List<Station> all = stations.find(StationQuery.all(region).withLimit(StationQuery.MAX_LIMIT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (geojson) {
            new StationGeoJsonWriter().write(all, out);
        } else {
            new StationCsvWriter().write(all, out);
        }
        String name = "stations-" + region + (geojson ? ".geojson" : ".csv");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(geojson ? "application/geo+json; charset=utf-8" : "text/csv; charset=utf-8");
        ctx.result(out.toByteArray());
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
