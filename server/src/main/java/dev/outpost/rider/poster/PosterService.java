package dev.outpost.rider.poster;

import dev.outpost.rider.CheckinService;
import dev.outpost.rider.StationCode;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * QR posters of stations, PNG or PDF, linking to {@code <base URL>/s/<code>}. Thread-safe. The CJK font is loaded on
 * first use; without one every call throws {@link FontUnavailableException}.
 */
public final class PosterService {
    private final StationCatalog catalog;
    private final CheckinService checkins;
    private final Supplier<Optional<PosterFont>> fontLoader;
    private volatile PosterRenderer renderer;

    /** @param fontLoader finds the font, e.g. {@link PosterFont#system()}; called until it finds one */
    public PosterService(StationCatalog catalog, CheckinService checkins, Supplier<Optional<PosterFont>> fontLoader) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.checkins = Objects.requireNonNull(checkins, "checkins");
        this.fontLoader = Objects.requireNonNull(fontLoader, "fontLoader");
    }

    /**
     * The poster of a station.
     *
     * @param baseUrl where phones reach the server, e.g. {@code https://outpost.example.cn} (no trailing slash)
     * @throws dev.outpost.common.NotFoundException when there is no such station
     */
    public PosterContent content(String regionCode, long stationId, String baseUrl) {
        Station s = catalog.get(regionCode, stationId);
        StationCode code = checkins.code(regionCode, stationId);
        return PosterContent.of(s, code.shortCode(), stripSlash(baseUrl) + "/s/" + code.shortCode());
    }

    /** The poster as PNG (A4, 150 dpi). */
    public byte[] png(String regionCode, long stationId, String baseUrl) {
        return renderer().png(content(regionCode, stationId, baseUrl));
    }

    /** The poster as PDF (A4, text in an embedded CJK font). */
    public byte[] pdf(String regionCode, long stationId, String baseUrl) {
        return renderer().pdf(content(regionCode, stationId, baseUrl));
    }

    private PosterRenderer renderer() {
        PosterRenderer r = renderer;
        if (r == null) {
            synchronized (this) {
                if (renderer == null) {
                    PosterFont font = fontLoader
                            .get()
                            .orElseThrow(() -> new FontUnavailableException(
                                    "no Chinese font for posters: install Debian's fonts-noto-cjk (looked for "
                                            + PosterFont.SYSTEM_FONTS + ")"));
                    renderer = new PosterRenderer(font);
                }
                r = renderer;
            }
        }
        return r;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
