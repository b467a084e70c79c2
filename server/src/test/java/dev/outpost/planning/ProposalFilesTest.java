package dev.outpost.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import dev.outpost.siting.ProblemKind;
import dev.outpost.siting.Reduction;
import dev.outpost.siting.SolveStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** Exports of proposals read back with independent readers: commons-csv, Apache POI, Jackson. */
class ProposalFilesTest {
    static Scenario scenario() {
        ProposedSite a = new ProposedSite(
                1,
                1,
                SiteOrigin.SOLVER,
                "CA-00017",
                CandidateSource.IMPORT,
                CandidateKind.GAS_STATION,
                "中国石化腾飞加油站",
                "449901",
                17.3,
                new LatLon(22.623611, 113.893575),
                true,
                120.5,
                "CA-00042",
                "美宜佳(柳岸店)",
                300.25,
                150,
                120.5,
                100,
                29.5 / 150);
        ProposedSite b = new ProposedSite(
                2,
                2,
                SiteOrigin.ADDED,
                null,
                null,
                CandidateKind.OTHER,
                "=HYPERLINK(\"http://x\")",
                null,
                null,
                new LatLon(22.61, 113.91),
                false,
                Double.NaN,
                null,
                null,
                Double.NaN,
                0,
                0,
                0,
                0);
        ScenarioFigures figures = new ScenarioFigures(
                1000,
                600,
                720.5,
                300,
                150,
                190,
                12,
                List.of(
                        new AreaFigures("449901", "河西区", 400, 200, 300.5, 1),
                        new AreaFigures("449902", "河东区", 600, 400, 420, 0)));
        Instant t = Instant.parse("2026-10-01T04:00:00Z");
        return new Scenario(
                7,
                "demo",
                "河西区两个新站",
                ScenarioStatus.DRAFT,
                ScenarioRequest.mclp("河西区两个新站", WorkerGroup.RIDER, 2),
                new ScenarioInputs(
                        TravelMode.EBIKE,
                        3,
                        "a".repeat(64),
                        4,
                        5,
                        6,
                        List.of(),
                        "b".repeat(64),
                        200,
                        List.of(new Site("station:1", new LatLon(22.6, 113.9))),
                        List.of(new ScenarioInputs.DistrictName("449901", "河西区"))),
                new SolveSummary(
                        ProblemKind.MAXIMAL_COVERING,
                        "cp-sat",
                        SolveStatus.OPTIMAL,
                        "CP-SAT OPTIMAL",
                        720.5,
                        "demand",
                        720.5,
                        0,
                        1234,
                        Reduction.none(201, 300),
                        200,
                        1),
                List.of(a, b),
                figures,
                new CurveSummary(List.of(new CurveSummary.Point(1, 720.5, 0.7205, 120.5, "CA-00017")), 0.5, null),
                1,
                "规划员",
                t,
                t);
    }

    @Test
    void csvReadsBackWithChineseTextAndNoFormula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProposalFiles.writeCsv(scenario(), out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(
                new StringReader(text),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            List<CSVRecord> rows = p.getRecords();
            assertThat(p.getHeaderNames()).isEqualTo(ProposalFiles.SITE_HEADER);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("名称")).isEqualTo("中国石化腾飞加油站");
            assertThat(rows.get(0).get("类型")).isEqualTo("加油站");
            assertThat(rows.get(0).get("经度")).isEqualTo("113.893575");
            assertThat(rows.get(0).get("与现有站点重叠比例")).isEqualTo("0.1967");
            assertThat(rows.get(0).get("备选名称")).isEqualTo("美宜佳(柳岸店)");
            // a name that looks like a formula is written with a leading quote; NaN as an empty cell
            assertThat(rows.get(1).get("名称")).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(rows.get(1).get("选中时边际增益")).isEmpty();
            assertThat(rows.get(1).get("候选来源")).isEmpty();
        }
        // and the candidate reader takes the quote off again
        assertThat(CandidateFileReader.unquote("'=HYPERLINK(\"http://x\")")).isEqualTo("=HYPERLINK(\"http://x\")");
    }

    @Test
    void xlsxHasTheSitesDistrictsCurveAndSummary() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProposalFiles.writeXlsx(scenario(), out);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            Sheet sites = wb.getSheet("选址方案");
            assertThat(sites.getRow(0).getCell(6).getStringCellValue()).isEqualTo("名称");
            Row first = sites.getRow(1);
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("中国石化腾飞加油站");
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(17.3);
            assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(113.893575);
            // text is never a formula
            assertThat(sites.getRow(2).getCell(6).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(sites.getRow(2).getCell(6).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            Sheet districts = wb.getSheet("覆盖对比");
            assertThat(districts.getRow(1).getCell(1).getStringCellValue()).isEqualTo("河西区");
            assertThat(districts.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(300.5);
            assertThat(districts.getRow(3).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(districts.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(0.7205);
            assertThat(wb.getSheet("覆盖曲线").getRow(1).getCell(4).getStringCellValue())
                    .isEqualTo("CA-00017");
            Sheet summary = wb.getSheet("求解信息");
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("河西区两个新站");
            assertThat(summary.getRow(8).getCell(0).getStringCellValue()).isEqualTo("求解状态");
            assertThat(summary.getRow(8).getCell(1).getStringCellValue()).isEqualTo("OPTIMAL");
        }
    }

    @Test
    void geoJsonHasOnePointPerSite() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProposalFiles.writeGeoJson(scenario(), out);
        JsonNode fc = new ObjectMapper().readTree(out.toByteArray());
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.get("name").asText()).isEqualTo("河西区两个新站");
        assertThat(fc.get("coveredFractionAfter").asDouble()).isEqualTo(0.7205);
        JsonNode f = fc.get("features").get(0);
        assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(113.893575);
        assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(22.623611);
        assertThat(f.get("properties").get("name").asText()).isEqualTo("中国石化腾飞加油站");
        assertThat(f.get("properties").get("kind").asText()).isEqualTo("gas_station");
        JsonNode point = fc.get("features").get(1).get("properties");
        assertThat(point.get("marginalGain").isNull()).isTrue();
        assertThat(point.get("candidateId").isNull()).isTrue();
        assertThat(point.get("onNetwork").asBoolean()).isFalse();
    }
}
