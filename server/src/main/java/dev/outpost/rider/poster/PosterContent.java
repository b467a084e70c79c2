package dev.outpost.rider.poster;

import dev.outpost.station.Station;
import dev.outpost.station.StationService;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a station's QR poster says, in Chinese and English. Immutable.
 *
 * @param name the station's name
 * @param kind kind label, e.g. "暖蜂驿站 · Warm-bee station"
 * @param address address, or "—"
 * @param servicesZh services in Chinese, e.g. "饮用水、热饭"; "—" when none
 * @param servicesEn services in English
 * @param hours opening hours as given ({@code opening_hours} syntax), or "—"
 * @param code the station's short code
 * @param url what the QR code opens: {@code <public base URL>/s/<code>}
 */
public record PosterContent(
        String name,
        String kind,
        String address,
        String servicesZh,
        String servicesEn,
        String hours,
        String code,
        String url) {

    public static final String TITLE_ZH = "扫码查看驿站";
    public static final String TITLE_EN = "Scan to visit";
    public static final String FOOTER_ZH = "前哨 Outpost · 扫码即匿名签到，不收集个人信息";
    public static final String FOOTER_EN = "Scanning checks you in anonymously; no personal data is collected.";

    public PosterContent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(url, "url");
    }

    /** The poster of a station whose page is {@code url}. */
    public static PosterContent of(Station s, String code, String url) {
        String zh = s.services().stream().map(StationService::labelZh).collect(Collectors.joining("、"));
        String en = s.services().stream().map(StationService::labelEn).collect(Collectors.joining(", "));
        return new PosterContent(
                s.name(),
                s.kind().labelZh() + " · " + s.kind().labelEn(),
                s.address() == null || s.address().isBlank() ? "—" : s.address(),
                zh.isEmpty() ? "—" : zh,
                en.isEmpty() ? "—" : en,
                s.openingHours() == null ? "—" : s.openingHours().source(),
                code,
                url);
    }
}
