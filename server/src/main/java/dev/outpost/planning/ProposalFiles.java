package dev.outpost.planning;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.outpost.dataio.XlsxWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a scenario's proposed sites as files: GeoJSON (RFC 7946, WGS 84 lon/lat, one Point feature per site), CSV
 * (UTF-8 with a byte-order mark, CRLF, Chinese headers, formula-injection safe like {@code dataio}'s writers: a text
 * cell starting with {@code = + - @}, tab or CR gets a leading {@code '}; numbers are plain) and XLSX (sheets: sites,
 * districts before/after, coverage curve, solver summary; written by {@link XlsxWriter}, text never a formula).
 * Stateless and thread-safe; streams are flushed, not closed.
 */
public final class ProposalFiles {
    /** The CSV and XLSX columns of the sites table. */
    public static final List<String> SITE_HEADER = List.of(
            "序号",
            "站点号",
            "来源方式",
            "候选点编号",
            "候选来源",
            "类型",
            "名称",
            "所属区",
            "成本(万元)",
            "经度",
            "纬度",
            "可达需求",
            "新增覆盖需求",
            "独占需求",
            "与现有站点重叠比例",
            "选中时边际增益",
            "备选候选点",
            "备选名称");

    private ProposalFiles() {}

    /** Whether a cell starting with {@code c} would be taken for a formula by a spreadsheet. */
    static boolean isDangerous(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** A text cell made safe from formula injection; null becomes empty. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean dangerous = isDangerous(value.charAt(0))
                || (value.charAt(0) == '\'' && value.length() > 1 && isDangerous(value.charAt(1)));
        return dangerous ? "'" + value : value;
    }

    /** A number in plain decimal notation, at most {@code digits} decimals; empty for NaN or null. */
    static String plain(Double v, int digits) {
        if (v == null || !Double.isFinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v)
                .setScale(digits, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static Double rounded(double v, int digits) {
        return Double.isFinite(v)
                ? BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue()
                : null;
    }

    /** The sites table as typed values (numbers as numbers, text as text), for XLSX. */
    static List<List<Object>> siteRows(Scenario s) {
        List<List<Object>> rows = new ArrayList<>();
        for (ProposedSite p : s.sites()) {
            rows.add(Arrays.asList(
                    p.rank(),
                    p.siteId(),
                    p.origin().code(),
                    p.candidateId(),
                    p.source() == null ? null : p.source().code(),
                    p.kind().labelZh(),
                    p.name(),
                    p.districtCode(),
                    p.costWanYuan(),
                    p.position().lon(),
                    p.position().lat(),
                    rounded(p.reachedDemand(), 4),
                    rounded(p.newDemand(), 4),
                    rounded(p.exclusiveDemand(), 4),
                    rounded(p.overlapShare(), 4),
                    rounded(p.marginalGain(), 4),
                    p.runnerUpCandidateId(),
                    p.runnerUpName()));
        }
        return rows;
    }

    /** Writes the sites as CSV. */
    public static void writeCsv(Scenario s, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.EXCEL);
            printer.printRecord(SITE_HEADER);
            for (ProposedSite p : s.sites()) {
                printer.printRecord(
                        Integer.toString(p.rank()),
                        Integer.toString(p.siteId()),
                        p.origin().code(),
                        safe(p.candidateId()),
                        p.source() == null ? "" : p.source().code(),
                        p.kind().labelZh(),
                        safe(p.name()),
                        safe(p.districtCode()),
                        plain(p.costWanYuan(), 4),
                        plain(p.position().lon(), 7),
                        plain(p.position().lat(), 7),
                        plain(p.reachedDemand(), 4),
                        plain(p.newDemand(), 4),
                        plain(p.exclusiveDemand(), 4),
                        plain(p.overlapShare(), 4),
                        plain(p.marginalGain(), 4),
                        safe(p.runnerUpCandidateId()),
                        safe(p.runnerUpName()));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the sites as a GeoJSON FeatureCollection with the scenario's name and figures as foreign members. */
    public static void writeGeoJson(Scenario s, OutputStream out) {
        try (JsonGenerator g = new JsonFactory()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", s.name());
            g.writeNumberField("scenarioId", s.id());
            g.writeStringField("region", s.regionCode());
            g.writeStringField("group", s.request().group().code());
            g.writeNumberField("minutes", s.request().minutes());
            g.writeNumberField("coveredFractionBefore", rounded(s.figures().fractionBefore(), 6));
            g.writeNumberField("coveredFractionAfter", rounded(s.figures().fractionAfter(), 6));
            g.writeArrayFieldStart("features");
            for (ProposedSite p : s.sites()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeNumberField("id", p.siteId());
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(new BigDecimal(plain(p.position().lon(), 7)));
                g.writeNumber(new BigDecimal(plain(p.position().lat(), 7)));
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeNumberField("rank", p.rank());
                g.writeNumberField("siteId", p.siteId());
                g.writeStringField("origin", p.origin().code());
                g.writeStringField("candidateId", p.candidateId());
                g.writeStringField(
                        "source", p.source() == null ? null : p.source().code());
                g.writeStringField("kind", p.kind().code());
                g.writeStringField("kindZh", p.kind().labelZh());
                g.writeStringField("name", p.name());
                g.writeStringField("district", p.districtCode());
                number(g, "costWanYuan", p.costWanYuan() == null ? Double.NaN : p.costWanYuan());
                g.writeBooleanField("onNetwork", p.onNetwork());
                number(g, "reachedDemand", p.reachedDemand());
                number(g, "newDemand", p.newDemand());
                number(g, "exclusiveDemand", p.exclusiveDemand());
                number(g, "overlapShare", p.overlapShare());
                number(g, "marginalGain", p.marginalGain());
                g.writeStringField("runnerUpCandidateId", p.runnerUpCandidateId());
                g.writeStringField("runnerUpName", p.runnerUpName());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, rounded(v, 6));
        } else {
            g.writeNullField(field);
        }
    }

    /** Writes the workbook: sites, districts, curve, summary. */
    public static void writeXlsx(Scenario s, OutputStream out) {
        List<List<Object>> districtRows = new ArrayList<>();
        for (AreaFigures a : s.figures().districts()) {
            districtRows.add(Arrays.asList(
                    a.code(),
                    a.name(),
                    rounded(a.demand(), 4),
                    rounded(a.coveredBefore(), 4),
                    rounded(a.coveredAfter(), 4),
                    rounded(a.fractionBefore(), 6),
                    rounded(a.fractionAfter(), 6),
                    a.newSites()));
        }
        ScenarioFigures f = s.figures();
        districtRows.add(Arrays.asList(
                "合计",
                "全市",
                rounded(f.totalDemand(), 4),
                rounded(f.coveredBefore(), 4),
                rounded(f.coveredAfter(), 4),
                rounded(f.fractionBefore(), 6),
                rounded(f.fractionAfter(), 6),
                s.sites().size()));
        List<List<Object>> curveRows = new ArrayList<>();
        for (CurveSummary.Point p : s.curve().points()) {
            curveRows.add(Arrays.asList(
                    p.newSites(),
                    rounded(p.coveredDemand(), 4),
                    rounded(p.coveredFraction(), 6),
                    rounded(p.marginalGain(), 4),
                    p.candidateId()));
        }
        SolveSummary v = s.solve();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(Arrays.asList("方案名称", s.name()));
        summary.add(Arrays.asList("方案编号", s.id()));
        summary.add(Arrays.asList("状态", s.status().code()));
        summary.add(Arrays.asList("人群", s.request().group().labelZh()));
        summary.add(Arrays.asList("服务圈(分钟)", s.request().minutes()));
        summary.add(Arrays.asList("问题", v.problem().code()));
        summary.add(Arrays.asList("求解器", v.solver()));
        summary.add(Arrays.asList("求解状态", v.status().name()));
        summary.add(Arrays.asList("目标值", rounded(v.objective(), 6)));
        summary.add(Arrays.asList("目标单位", v.objectiveUnit()));
        summary.add(Arrays.asList("最优界", rounded(v.bestBound(), 6)));
        summary.add(Arrays.asList("相对差距", rounded(v.gap(), 6)));
        summary.add(Arrays.asList("求解耗时(毫秒)", v.wallTimeMillis()));
        summary.add(Arrays.asList("求解说明", v.message()));
        summary.add(Arrays.asList("路网版本", s.inputs().networkVersionId()));
        summary.add(Arrays.asList("需求图层", s.inputs().demandLayerId()));
        summary.add(Arrays.asList("候选点数", s.inputs().candidateCount()));
        summary.add(Arrays.asList("现有站点数", s.inputs().stations().size()));
        summary.add(Arrays.asList("手工修改次数", s.editCount()));
        XlsxWriter.write(
                List.of(
                        new XlsxWriter.Sheet("选址方案", SITE_HEADER, siteRows(s)),
                        new XlsxWriter.Sheet(
                                "覆盖对比",
                                List.of("代码", "名称", "需求", "现状覆盖", "方案后覆盖", "现状覆盖率", "方案后覆盖率", "新站数"),
                                districtRows),
                        new XlsxWriter.Sheet("覆盖曲线", List.of("新站数", "覆盖需求", "覆盖率", "边际增益", "候选点编号"), curveRows),
                        new XlsxWriter.Sheet("求解信息", List.of("项目", "值"), summary)),
                out);
    }
}
