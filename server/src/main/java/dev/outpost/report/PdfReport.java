package dev.outpost.report;

import dev.outpost.coverage.CoverageTotals;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.review.AreaHeadline;
import dev.outpost.review.AreaMap;
import dev.outpost.review.AreaReview;
import dev.outpost.review.GapReview;
import dev.outpost.review.GroupReview;
import dev.outpost.review.ProposedSite;
import dev.outpost.review.StationUse;
import dev.outpost.review.TrendPoint;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The PDF report of a review: title with the area's Chinese name and the date, the map, key figures against targets,
 * then tables of coverage per worker group, stations by kind and status, subareas, the trend, station use and the
 * largest gaps. Figures are written with {@link ReportText}. Stateless; thread-safe.
 */
public final class PdfReport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private PdfReport() {}

    /**
     * The report as PDF bytes.
     *
     * @param fontFile a CJK font with TrueType outlines (see {@link CjkFont})
     * @param zone the time zone of the dates shown
     * @throws ReportUnavailableException when the font cannot be used
     */
    public static byte[] write(AreaReview review, AreaMap map, Path fontFile, ZoneId zone) {
        byte[] png = AreaMapRenderer.png(map, 1400, 1000);
        try {
            return CjkFont.withFont(fontFile, ttf -> {
                try (PDDocument doc = new PDDocument()) {
                    ZonedDateTime at = review.generatedAt().atZone(zone);
                    PDDocumentInformation info = doc.getDocumentInformation();
                    info.setTitle(review.area().name() + " 驿站覆盖评估报告");
                    info.setCreator("Outpost 前哨");
                    info.setCreationDate(GregorianCalendar.from(at));
                    PdfLayout p = new PdfLayout(
                            doc,
                            ttf,
                            "前哨 Outpost · " + review.regionName() + " · "
                                    + review.area().name() + " · " + DAY.format(at));
                    content(p, review, png, at);
                    p.close();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    doc.save(out);
                    return out.toByteArray();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write the PDF report of " + review.area().code(), e);
        }
    }

    private static void content(PdfLayout p, AreaReview r, byte[] png, ZonedDateTime at) throws IOException {
        AreaHeadline a = r.area();
        WorkerGroup focus = r.focusGroup();
        p.heading(a.name() + " 驿站覆盖评估报告", 20);
        p.line("Coverage review of " + a.name() + " (" + a.level().code() + " " + a.code() + ")", 10, Color.DARK_GRAY);
        p.line(
                r.regionName() + " · " + a.level().labelZh() + " · 代码 " + a.code()
                        + (a.population() == null ? "" : " · 人口 " + a.population()),
                10,
                Color.DARK_GRAY);
        p.line("报告日期 " + DAY.format(at) + "（生成于 " + MINUTE.format(at) + " 北京时间）", 10, Color.DARK_GRAY);
        p.space(4);
        p.image(png, PdfLayout.CONTENT_WIDTH, 330);
        List<Color> colours =
                new ArrayList<>(Arrays.asList(AreaMapRenderer.CLASS_COLORS).subList(0, 5));
        colours.add(AreaMapRenderer.UNREACHABLE);
        colours.add(AreaMapRenderer.STATION_OPEN);
        colours.add(AreaMapRenderer.LITTLE_USED);
        p.legend(colours, List.of("≤5 分钟", "≤10", "≤15", "≤20", "≤30", "无法到达", "运营站点", "低使用站点"), 8);
        p.line("地图：" + ReportText.group(focus) + "需求网格按到最近服务站点的骑行/驾车时间着色；细线为下辖区域边界。", 8, Color.GRAY);

        p.heading("主要指标 Key figures", 13);
        Boolean stationsOk = a.meetsStationTarget();
        p.line(
                "运营站点 " + a.openStations() + " 个"
                        + (a.minStationsTarget() == null
                                ? "（无站点目标）"
                                : "，目标 " + ReportText.number(a.minStationsTarget()) + " 个："
                                        + ReportText.yesNo(stationsOk)),
                11,
                Color.BLACK);
        GroupReview fg = r.group(focus).orElseThrow();
        if (fg.available()) {
            p.line(
                    ReportText.group(focus) + " 15 分钟覆盖率 " + ReportText.percent(fg.share(15))
                            + (a.coverage15Target() == null
                                    ? ""
                                    : "，目标 " + ReportText.percent(a.coverage15Target()) + "："
                                            + ReportText.yesNo(a.meetsCoverageTarget(focus))),
                    11,
                    Color.BLACK);
        } else {
            p.line(ReportText.group(focus) + " 覆盖率：无数据（" + fg.unavailableReason() + "）", 11, Color.BLACK);
        }
        List<StationUse> little = r.usage().littleUsed();
        p.line(
                r.usage().recorded()
                        ? "低使用站点 " + little.size() + " 个（日均到访少于 "
                                + ReportText.number(r.usage().thresholdVisitsPerDay()) + " 次或处于全市后四分之一）"
                        : "暂无签到数据，未评估站点使用情况",
                11,
                Color.BLACK);

        p.heading("各群体覆盖 Coverage by worker group", 13);
        List<List<String>> rows = new ArrayList<>();
        for (GroupReview g : r.groups()) {
            if (g.available()) {
                CoverageTotals t = g.totals();
                rows.add(List.of(
                        ReportText.group(g.group()),
                        ReportText.number(t.demand()),
                        ReportText.percent(g.share(5)),
                        ReportText.percent(g.share(10)),
                        ReportText.percent(g.share(15)),
                        ReportText.percent(a.coverage15Target()),
                        ReportText.yesNo(a.meetsCoverageTarget(g.group()))));
            } else {
                rows.add(List.of(ReportText.group(g.group()), "无数据: " + g.unavailableReason()));
            }
        }
        p.table(
                List.of("群体", "需求", "5 分钟", "10 分钟", "15 分钟", "目标", "是否达标"),
                rows,
                new float[] {0.22f, 0.14f, 0.12f, 0.12f, 0.12f, 0.12f, 0.16f},
                9);

        p.heading("站点类型与状态 Stations by kind and status", 13);
        rows = new ArrayList<>();
        for (StationKind k : StationKind.values()) {
            rows.add(List.of(
                    k.labelZh(),
                    Integer.toString(a.stations().count(k, StationStatus.OPEN)),
                    Integer.toString(a.stations().count(k, StationStatus.PLANNED)),
                    Integer.toString(a.stations().count(k, StationStatus.CLOSED)),
                    Integer.toString(a.stations().ofKind(k))));
        }
        rows.add(List.of(
                "合计",
                Integer.toString(a.stations().withStatus(StationStatus.OPEN)),
                Integer.toString(a.stations().withStatus(StationStatus.PLANNED)),
                Integer.toString(a.stations().withStatus(StationStatus.CLOSED)),
                Integer.toString(a.stations().total())));
        p.table(List.of("类型", "运营中", "规划中", "已关闭", "合计"), rows, new float[] {0.32f, 0.17f, 0.17f, 0.17f, 0.17f}, 9);

        if (r.childLevel() != null && !r.children().isEmpty()) {
            p.heading("下辖" + r.childLevel().labelZh() + " Subareas", 13);
            rows = new ArrayList<>();
            for (AreaHeadline c : r.children()) {
                rows.add(List.of(
                        c.name(),
                        c.population() == null ? "-" : Long.toString(c.population()),
                        Integer.toString(c.openStations()),
                        ReportText.number(c.minStationsTarget()),
                        ReportText.percent(c.share15(focus)),
                        ReportText.percent(c.coverage15Target()),
                        ReportText.yesNo(c.meetsCoverageTarget(focus))));
            }
            p.table(
                    List.of("名称", "人口", "运营站点", "站点目标", "15 分钟覆盖率", "覆盖目标", "是否达标"),
                    rows,
                    new float[] {0.22f, 0.13f, 0.12f, 0.12f, 0.15f, 0.12f, 0.14f},
                    9);
        }

        p.heading("覆盖趋势 Trend（" + ReportText.group(focus) + "，15 分钟）", 13);
        if (fg.trend().isEmpty()) {
            p.line("暂无已保存的覆盖计算记录", 10, Color.DARK_GRAY);
        } else {
            rows = new ArrayList<>();
            for (TrendPoint t : fg.trend()) {
                rows.add(List.of(
                        DAY.format(t.date()),
                        Long.toString(t.runId()),
                        ReportText.number(t.demand()),
                        ReportText.percent(t.share15())));
            }
            p.table(List.of("日期", "计算编号", "需求", "15 分钟覆盖率"), rows, new float[] {0.3f, 0.2f, 0.25f, 0.25f}, 9);
        }

        p.heading("站点使用 Station use", 13);
        if (!r.usage().recorded()) {
            p.line("暂无签到数据（no check-in data）：未标记低使用站点；下表仅列出服务圈重叠情况。", 10, Color.DARK_GRAY);
        } else {
            p.line(
                    "统计期 " + DAY.format(r.usage().from()) + " 至 "
                            + DAY.format(r.usage().to()),
                    10,
                    Color.DARK_GRAY);
        }
        rows = new ArrayList<>();
        for (StationUse u : r.usage().stations()) {
            rows.add(List.of(
                    u.name(),
                    u.kind().labelZh(),
                    ReportText.number(u.visitsPerDay()),
                    u.littleUsed() ? "是" : "",
                    ReportText.number(u.demandWithinLimit()),
                    ReportText.percent(u.overlapShare())));
        }
        if (rows.isEmpty()) {
            p.line("区内没有运营中的站点", 10, Color.DARK_GRAY);
        } else {
            p.table(
                    List.of("站点", "类型", "日均到访", "低使用", "服务圈需求", "与其他站点重叠"),
                    rows,
                    new float[] {0.34f, 0.16f, 0.12f, 0.1f, 0.14f, 0.14f},
                    8.5f);
        }

        p.heading("最大缺口 Largest gaps", 13);
        if (r.gaps().isEmpty()) {
            p.line("区内没有未覆盖的需求网格", 10, Color.DARK_GRAY);
        } else {
            rows = new ArrayList<>();
            for (GapReview g : r.gaps()) {
                String sites = g.proposedSites().isEmpty()
                        ? "暂无"
                        : g.proposedSites().stream().map(PdfReport::siteLabel).collect(Collectors.joining("、"));
                rows.add(List.of(
                        Integer.toString(g.rank()),
                        ReportText.number(g.demandInArea()),
                        Integer.toString(g.cellsInArea()),
                        ReportText.minutes(g.minMinutes()),
                        String.format(
                                Locale.ROOT,
                                "%.5f, %.5f",
                                g.centre().lat(),
                                g.centre().lon()),
                        sites));
            }
            p.table(
                    List.of("排名", "区内需求", "网格数", "最近站点(分钟)", "位置(纬度, 经度)", "拟建站点"),
                    rows,
                    new float[] {0.08f, 0.13f, 0.1f, 0.15f, 0.24f, 0.3f},
                    8.5f);
        }
        p.space(6);
        p.line("数据来源：前哨 Outpost；道路网络 © OpenStreetMap contributors（ODbL）。", 8, Color.GRAY);
    }

    private static String siteLabel(ProposedSite s) {
        return (s.siteName() == null ? s.scenarioName() : s.siteName()) + "(" + s.status() + ")";
    }
}
