package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.report.CjkFont;
import dev.outpost.report.ReportText;
import dev.outpost.report.ReportUnavailableException;
import dev.outpost.report.XlsxReport;
import dev.outpost.review.AreaReview;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review and its reports on the demo city as {@code ./outpost demo} serves them: subdistricts add up to their
 * districts, the trend follows stored runs, the PDF's text (read back with {@code pdftotext}) holds the district's
 * Chinese name and its coverage as the report writes it, the XLSX (read back with POI) holds the JSON's figures, and
 * bad input gets clear 4xx answers; {@code ./outpost report} writes the same files.
 */
class ReviewReportTest {
    static TestApp app;
    static final ObjectMapper M = new ObjectMapper();
    static final String HEXI = "449901";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        app = TestApp.start("review", true, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode get(String path) throws Exception {
        var r = app.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return M.readTree(r.body());
    }

    static JsonNode group(JsonNode review, String code) {
        for (JsonNode g : review.get("groups")) {
            if (g.get("group").asText().equals(code)) {
                return g;
            }
        }
        throw new AssertionError("no group " + code);
    }

    @Test
    void subdistrictsAddUpToEveryDemoDistrict() throws Exception {
        JsonNode list = get("/api/review/areas?region=demo&level=district");
        assertThat(list).hasSize(3);
        int children = 0;
        for (JsonNode d : list) {
            AreaReview r =
                    app.components().review().review("demo", d.get("code").asText(), WorkerGroup.RIDER);
            children += dev.outpost.review.RollUpAccess.check(r);
            // the JSON carries the same figures as the domain
            assertThat(d.at("/coverage/rider/demand").asDouble())
                    .isCloseTo(r.area().coverage().get(WorkerGroup.RIDER).demand(), within(1e-3));
            assertThat(d.at("/stations/open").asInt()).isEqualTo(r.area().openStations());
        }
        assertThat(children).isEqualTo(8);
        JsonNode subs = get("/api/review/areas?region=demo&level=subdistrict&parent=" + HEXI);
        assertThat(subs).hasSize(3);
        for (JsonNode s : subs) {
            assertThat(s.get("parentCode").asText()).isEqualTo(HEXI);
        }
    }

    @Test
    void reviewJsonHasFiguresTargetsGapsAndTheTrendOfStoredRuns() throws Exception {
        JsonNode r = get("/api/review?region=demo&area=" + HEXI);
        assertThat(r.at("/area/name").asText()).isEqualTo("河西区");
        assertThat(r.at("/area/targets/minStations").asDouble()).isEqualTo(21.0);
        assertThat(r.at("/area/targets/coverage15min").asDouble()).isEqualTo(0.9);
        assertThat(r.get("children")).hasSize(3);
        JsonNode rider = group(r, "rider");
        assertThat(rider.get("available").asBoolean()).isTrue();
        double s5 = rider.at("/figures/coveredShare/5").asDouble();
        double s10 = rider.at("/figures/coveredShare/10").asDouble();
        double s15 = rider.at("/figures/coveredShare/15").asDouble();
        assertThat(s5).isLessThanOrEqualTo(s10);
        assertThat(s10).isLessThanOrEqualTo(s15);
        assertThat(s15).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(rider.get("meetsTarget").asBoolean()).isEqualTo(s15 >= 0.9);
        assertThat(r.at("/usage/recorded").asBoolean()).isFalse();
        assertThat(r.at("/usage/littleUsedCount").asInt()).isZero();
        assertThat(r.at("/reports/pdf").asText()).isEqualTo("/api/reports/449901.pdf?region=demo&group=rider");

        // two runs on the same day make one trend point: the later run, with today's share
        assertThat(app.send("POST", "/api/coverage/runs?region=demo&group=rider", null)
                        .statusCode())
                .isEqualTo(201);
        var second = app.send("POST", "/api/coverage/runs?region=demo&group=rider", null);
        assertThat(second.statusCode()).isEqualTo(201);
        long lastRun = M.readTree(second.body()).get("runId").asLong();
        JsonNode after = group(get("/api/review?region=demo&area=" + HEXI), "rider");
        assertThat(after.get("trend")).hasSize(1);
        assertThat(after.at("/trend/0/runId").asLong()).isEqualTo(lastRun);
        assertThat(after.at("/trend/0/share15").asDouble()).isCloseTo(s15, within(1e-4));
        assertThat(after.get("runId").asLong()).isEqualTo(lastRun);
    }

    @Test
    void pdfTextHoldsTheDistrictsNameAndItsCoverageAsTheReportWritesIt() throws Exception {
        assumeFont();
        var res = app.getBytes("/api/reports/" + HEXI + ".pdf?region=demo&group=rider");
        assertThat(res.statusCode())
                .as(new String(res.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains("review-449901-");
        assertThat(new String(res.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = pdfText(res.body());
        AreaReview review = app.components().review().review("demo", HEXI, WorkerGroup.RIDER);
        String share =
                ReportText.percent(review.group(WorkerGroup.RIDER).orElseThrow().share(15));
        assertThat(text).contains("河西区").contains("驿站覆盖评估报告");
        assertThat(text).contains("15 分钟覆盖率 " + share);
        // the subdistricts' names are in their table
        assertThat(text).contains("松柏街道", "新城街道", "长青街道");
    }

    @Test
    void xlsxHoldsTheSameFiguresAsTheJson() throws Exception {
        JsonNode json = get("/api/review?region=demo&area=" + HEXI + "&group=rider");
        var res = app.getBytes("/api/reports/" + HEXI + ".xlsx?region=demo&group=rider");
        assertThat(res.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(res.body()))) {
            Sheet coverage = wb.getSheet(XlsxReport.COVERAGE);
            assertThat(coverage).isNotNull();
            int checked = 0;
            for (Row row : coverage) {
                if (row.getRowNum() == 0) {
                    assertThat(row.getCell(11).getStringCellValue()).isEqualTo("share_15min");
                    continue;
                }
                JsonNode g = group(json, row.getCell(0).getStringCellValue());
                if (!g.get("available").asBoolean()) {
                    continue;
                }
                assertThat(row.getCell(4).getNumericCellValue())
                        .isCloseTo(g.at("/figures/demand").asDouble(), within(1e-3));
                assertThat(row.getCell(7).getNumericCellValue())
                        .isCloseTo(g.at("/figures/coveredDemand/15").asDouble(), within(1e-3));
                assertThat(row.getCell(11).getNumericCellValue())
                        .isCloseTo(g.at("/figures/coveredShare/15").asDouble(), within(1e-4));
                assertThat(row.getCell(9).getNumericCellValue())
                        .isCloseTo(g.at("/figures/coveredShare/5").asDouble(), within(1e-4));
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(1);

            Sheet stations = wb.getSheet(XlsxReport.STATIONS);
            Row total = stations.getRow(6);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("total");
            assertThat((int) total.getCell(2).getNumericCellValue())
                    .isEqualTo(json.at("/area/stations/open").asInt());
            assertThat((int) total.getCell(5).getNumericCellValue())
                    .isEqualTo(json.at("/area/stations/total").asInt());

            Sheet subs = wb.getSheet(XlsxReport.SUBAREAS);
            Map<String, JsonNode> children = new HashMap<>();
            json.get("children").forEach(c -> children.put(c.get("code").asText(), c));
            assertThat(subs.getLastRowNum()).isEqualTo(children.size());
            for (Row row : subs) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                JsonNode c = children.get(row.getCell(0).getStringCellValue());
                assertThat(row.getCell(1).getStringCellValue())
                        .isEqualTo(c.get("name").asText());
                assertThat((int) row.getCell(4).getNumericCellValue())
                        .isEqualTo(c.at("/stations/open").asInt());
                assertThat(row.getCell(8).getNumericCellValue())
                        .isCloseTo(c.at("/coverage/rider/demand").asDouble(), within(1e-3));
                assertThat(row.getCell(10).getNumericCellValue())
                        .isCloseTo(c.at("/coverage/rider/coveredShare/15").asDouble(), within(1e-4));
            }
            Sheet gaps = wb.getSheet(XlsxReport.GAPS);
            assertThat(gaps.getLastRowNum()).isEqualTo(json.get("gaps").size());
            if (json.get("gaps").size() > 0) {
                assertThat(gaps.getRow(1).getCell(3).getNumericCellValue())
                        .isCloseTo(json.at("/gaps/0/demandInArea").asDouble(), within(1e-3));
            }
        }
    }

    @Test
    void badInputIsAClearError() throws Exception {
        var unknownArea = app.get("/api/review?region=demo&area=999999");
        assertThat(unknownArea.statusCode()).isEqualTo(404);
        assertThat(unknownArea.body()).contains("999999");
        var unknownRegion = app.get("/api/review?region=atlantis&area=" + HEXI);
        assertThat(unknownRegion.statusCode()).isEqualTo(404);
        assertThat(unknownRegion.body()).contains("atlantis");
        assertThat(app.get("/api/reports/999999.pdf?region=demo").statusCode()).isEqualTo(404);
        assertThat(app.get("/api/reports/999999.xlsx?region=demo").statusCode()).isEqualTo(404);
        assertThat(app.get("/api/reports/" + HEXI + ".xlsx?region=atlantis").statusCode())
                .isEqualTo(404);
        var badFormat = app.get("/api/reports/" + HEXI + ".docx?region=demo");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("docx");
        var noArea = app.get("/api/review?region=demo");
        assertThat(noArea.statusCode()).isEqualTo(400);
        assertThat(noArea.body()).contains("area");
        var badGroup = app.get("/api/review?region=demo&area=" + HEXI + "&group=pilots");
        assertThat(badGroup.statusCode()).isEqualTo(400);
        assertThat(badGroup.body()).contains("pilots");
        assertThat(app.get("/api/review/areas?region=demo&level=county-ish").statusCode())
                .isEqualTo(400);
        assertThat(app.get("/api/review/areas?region=demo&level=subdistrict&parent=nope")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void commandLineWritesTheReports() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put(
                "DATABASE_URL",
                app.db().jdbcUrl() + "?user=" + app.db().user() + "&password="
                        + app.db().password());
        env.put(
                "OUTPOST_VAR",
                TestApp.repoRoot().resolve("server/target/test-var").toString());
        Path xlsx = tmp.resolve("hedong.xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {
                    "report", "--region", "demo", "--area", "449902", "--format", "xlsx", "--out", xlsx.toString()
                },
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet summary = wb.getSheet(XlsxReport.SUMMARY);
            assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("河东区");
        }
        err.reset();
        code = Main.run(
                new String[] {
                    "report",
                    "--region",
                    "demo",
                    "--area",
                    "000000",
                    "--format",
                    "pdf",
                    "--out",
                    tmp.resolve("x.pdf").toString()
                },
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("000000");
        assertThat(Files.exists(tmp.resolve("x.pdf"))).isFalse();
        code = Main.run(new String[] {"report", "--region", "demo"}, env, new PrintStream(out), new PrintStream(err));
        assertThat(code).isEqualTo(2);
    }

    static void assumeFont() {
        try {
            CjkFont.locate(System.getenv());
        } catch (ReportUnavailableException e) {
            Assumptions.assumeTrue(System.getenv("CI") != null, "skipped outside CI: " + e.getMessage());
            throw e;
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path file = tmp.resolve("report-" + System.nanoTime() + ".pdf");
        Files.write(file, pdf);
        Process p;
        try {
            p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            Assumptions.assumeTrue(
                    System.getenv("CI") != null,
                    "skipped outside CI: pdftotext (Debian's poppler-utils) is not installed");
            throw e;
        }
        byte[] text = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(text, StandardCharsets.UTF_8)).isZero();
        return new String(text, StandardCharsets.UTF_8);
    }
}
