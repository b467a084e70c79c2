package dev.outpost.http;

import dev.outpost.common.NotFoundException;
import dev.outpost.district.Region;
import dev.outpost.district.RegionRepository;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Query-parameter parsing shared by the routes, each failure an {@link IllegalArgumentException} naming it. */
public final class Params {
    private final RegionRepository regions;
    private final String defaultRegion;
    /** Regions found before, by code: regions are never deleted, so a hit needs no database round trip. */
    private final Map<String, Region> known = new ConcurrentHashMap<>();

    Params(RegionRepository regions, String defaultRegion) {
        this.regions = regions;
        this.defaultRegion = defaultRegion;
    }

    /** The {@code region} parameter (or the default region), which must exist. */
    Region region(Context ctx) {
        String code = ctx.queryParam("region");
        if (code == null || code.isBlank()) {
            code = defaultRegion;
        }
        String c = code.trim();
        Region cached = known.get(c);
        if (cached != null) {
            return cached;
        }
        Region found = regions.find(c)
                .orElseThrow(() -> new NotFoundException("unknown region '" + c + "'; known regions: "
                        + regions.findAll().stream().map(Region::code).toList()));
        if (known.size() < 1_000) {
            known.put(c, found);
        }
        return found;
    }

    static <T> List<T> list(Context ctx, String name, Function<String, T> parser) {
        String v = ctx.queryParam(name);
        List<T> out = new ArrayList<>();
        if (v == null || v.isBlank()) {
            return out;
        }
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                try {
                    out.add(parser.apply(part.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage());
                }
            }
        }
        return out;
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + v + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "': " + n + " is out of range " + min + ".." + max);
        }
        return n;
    }

    static double doubleParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' is required");
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + v + "' is not a number");
        }
    }

    static boolean boolParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("parameter '" + name + "': '" + v + "' is not true or false");
        };
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2026-10-01T12:00:00+08:00}; null when absent. */
    static Instant instantParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v.trim());
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("parameter '" + name + "': '" + v
                        + "' is not an ISO-8601 time with offset such as 2026-10-01T12:00:00+08:00");
            }
        }
    }

    static long idParam(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a valid " + name);
        }
    }
}
