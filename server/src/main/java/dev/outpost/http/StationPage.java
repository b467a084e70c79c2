package dev.outpost.http;

import dev.outpost.network.TravelMode;
import dev.outpost.rider.HandoffLinks;
import dev.outpost.rider.OpenState;
import dev.outpost.station.Station;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The station page behind a QR poster ({@code /s/{code}}): one small, self-contained, bilingual HTML page for phones
 * (no script, inline styles, large buttons, high contrast), with navigation hand-off links. Every value is escaped.
 */
final class StationPage {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private StationPage() {}

    static String render(Station s, String code, OpenState.Status status, boolean counted, Instant now) {
        HandoffLinks links = HandoffLinks.of(null, s.location(), s.name(), TravelMode.EBIKE);
        String services = s.services().isEmpty()
                ? "<li>—</li>"
                : s.services().stream()
                        .map(v -> "<li>" + esc(v.labelZh()) + " <span lang=\"en\">" + esc(v.labelEn()) + "</span></li>")
                        .collect(Collectors.joining());
        String state = esc(status.state().labelZh()) + " · <span lang=\"en\">"
                + esc(status.state().labelEn()) + "</span>";
        String change = "";
        if (status.closesAt().isPresent()) {
            String t = HH_MM.format(status.closesAt().get().atZone(dev.outpost.station.OpeningHours.ZONE));
            change = "<p class=\"muted\">" + esc(t) + " 关门 · <span lang=\"en\">closes " + esc(t) + "</span></p>";
        } else if (status.opensAt().isPresent()) {
            String t = HH_MM.format(status.opensAt().get().atZone(dev.outpost.station.OpeningHours.ZONE));
            change = "<p class=\"muted\">" + esc(t) + " 开门 · <span lang=\"en\">opens " + esc(t) + "</span></p>";
        }
        String visit = counted
                ? "已签到，谢谢！<span lang=\"en\">Visit recorded, thank you.</span>"
                : "今天已签到。<span lang=\"en\">Already recorded today.</span>";
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%1$s · 前哨</title>
                <style>
                body{margin:0;font:18px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#111;background:#fff}
                header{background:#c2410c;color:#fff;padding:16px 20px}
                header p{margin:0;font-size:15px}
                h1{margin:4px 0 0;font-size:26px;line-height:1.25}
                main{padding:8px 20px 32px}
                [lang=en]{color:#444;font-size:.85em}
                header [lang=en]{color:#fff}
                .state{display:inline-block;margin:12px 0 4px;padding:6px 12px;border-radius:8px;font-weight:700;border:2px solid #111}
                .open,.\\32 4h{background:#d3f9d8}.closes_soon{background:#fff3bf}.closed,.unknown{background:#eee}
                .muted{margin:0;color:#333}
                h2{font-size:16px;margin:20px 0 4px;color:#c2410c}
                ul{margin:0;padding-left:20px}
                .nav{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:12px}
                .nav a,.find{display:flex;align-items:center;justify-content:center;min-height:52px;border-radius:10px;
                  background:#111;color:#fff;font-weight:700;text-decoration:none;font-size:17px;text-align:center;padding:4px}
                .find{margin-top:14px;background:#c2410c}
                .visit{margin-top:20px;padding:10px 12px;background:#f1f3f5;border-radius:8px;font-size:15px}
                footer{padding:0 20px 24px;font-size:13px;color:#444}
                </style>
                </head>
                <body>
                <header><p>前哨驿站 · <span lang="en">Outpost rest station</span> · %2$s</p><h1 data-testid="station-name">%1$s</h1>
                <p>%3$s</p></header>
                <main>
                <span class="state %4$s" data-testid="open-state">%5$s</span>
                %6$s
                <h2>地址 <span lang="en">Address</span></h2><p class="muted" data-testid="address">%7$s</p>
                <h2>开放时间 <span lang="en">Opening hours</span></h2><p class="muted">%8$s</p>
                <h2>服务 <span lang="en">Services</span></h2><ul>%9$s</ul>
                <h2>导航 <span lang="en">Navigate</span></h2>
                <nav class="nav" data-testid="handoff">
                <a href="%10$s" data-provider="amap">高德 Amap</a><a href="%11$s" data-provider="baidu">百度 Baidu</a>
                <a href="%12$s" data-provider="tencent">腾讯 Tencent</a><a href="%13$s" data-provider="apple">Apple 地图</a>
                </nav>
                <a class="find" href="/find.html">查找附近驿站 <span lang="en">&nbsp;Find stations nearby</span></a>
                <p class="visit" data-testid="visit" data-counted="%14$s">%15$s</p>
                </main>
                <footer>匿名签到：不收集个人信息，每台设备每天每站只计一次。<span lang="en">Anonymous: no personal data;
                one visit per device, station and day.</span></footer>
                </body>
                </html>
                """
                .formatted(
                        esc(s.name()),
                        esc(code),
                        esc(s.kind().labelZh()) + " · <span lang=\"en\">"
                                + esc(s.kind().labelEn()) + "</span>",
                        esc(status.state().code()),
                        state,
                        change,
                        esc(s.address() == null ? "—" : s.address()),
                        esc(s.openingHours() == null ? "—" : s.openingHours().source()),
                        services,
                        esc(links.amap()),
                        esc(links.baidu()),
                        esc(links.tencent()),
                        esc(links.apple()),
                        counted,
                        visit);
    }

    /** A bilingual error page (unknown code, too many requests). */
    static String error(int status, String zh, String en, String detail) {
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$d · 前哨</title>
                <style>body{margin:0;padding:24px;font:18px/1.5 system-ui,sans-serif;color:#111}
                h1{font-size:24px}a{display:inline-block;margin-top:16px;padding:12px 16px;background:#c2410c;color:#fff;
                border-radius:10px;text-decoration:none;font-weight:700}p{color:#333}</style></head>
                <body><h1 data-testid="error">%2$s</h1><p lang="en">%3$s</p><p class="detail">%4$s</p>
                <a href="/find.html">查找附近驿站 · Find stations nearby</a></body></html>
                """
                .formatted(status, esc(zh), esc(en), esc(detail));
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
