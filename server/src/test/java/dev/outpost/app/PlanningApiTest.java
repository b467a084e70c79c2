package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planning API over real HTTP as {@code ./outpost demo} wires it: the synthetic demo city with its road network,
 * demand and stations, the demo's candidate file imported through the API, scenarios solved at once and as jobs,
 * what-if edits, comparison, exports, and bad requests.
 */
class PlanningApiTest {
    static final ObjectMapper M = new ObjectMapper();
    static TestApp app;
    static byte[] candidatesCsv;

    @BeforeAll
    static void start() throws Exception {
        Path csv = TestApp.repoRoot().resolve("geodata/demo-city/candidates.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "skipped: the demo city is absent from " + csv);
        candidatesCsv = Files.readAllBytes(csv);
        app = TestApp.start("planning_api", true, Map.of());
        HttpResponse<String> r = app.upload("/api/imports/candidates?region=demo", "candidates.csv", candidatesCsv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = M.readTree(r.body());
        assertThat(report.get("created").asInt()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return M.readTree(r.body());
    }

    static JsonNode post(String path, String body, int status) throws Exception {
        return json(app.send("POST", path, body), status);
    }

    static int scenarioCount() throws Exception {
        return json(app.get("/api/scenarios?region=demo"), 200).size();
    }

    @Test
    void candidatesAreListedAndFilteredAndReimportsChangeNothing() throws Exception {
        JsonNode all = json(app.get("/api/candidates?region=demo&source=import"), 200);
        assertThat(all.get("total").asInt()).isEqualTo(200);
        JsonNode first = all.get("features").get(0);
        assertThat(first.at("/properties/id").asText()).isEqualTo("CA-00001");
        assertThat(first.at("/properties/name").asText()).isEqualTo("中国石油港湾加油站");
        assertThat(first.at("/geometry/coordinates/0").asDouble()).isEqualTo(113.889686);
        JsonNode gas = json(app.get("/api/candidates?region=demo&source=import&kind=gas_station"), 200);
        assertThat(gas.get("total").asInt()).isEqualTo(20);
        JsonNode district = json(app.get("/api/candidates?region=demo&source=import&district=449901"), 200);
        assertThat(district.get("features"))
                .allSatisfy(
                        f -> assertThat(f.at("/properties/district").asText()).isEqualTo("449901"));
        JsonNode register = json(app.get("/api/candidates?region=demo&source=register"), 200);
        assertThat(register.get("features"))
                .allSatisfy(f -> assertThat(f.at("/properties/id").asText()).startsWith("station:"));
        assertThat(json(app.get("/api/candidates?region=demo&kind=spaceship"), 400)
                        .get("detail")
                        .asText())
                .contains("unknown candidate kind 'spaceship'");

        HttpResponse<String> again = app.upload("/api/imports/candidates?region=demo", "candidates.csv", candidatesCsv);
        JsonNode report = json(again, 200);
        assertThat(report.get("unchanged").asInt()).isEqualTo(200);
        assertThat(report.get("created").asInt()).isZero();
        // a bad file is refused whole with every problem, and changes nothing
        String bad = "编号,类型,名称,经度,纬度\nX1,spaceship,坏,113.9,22.6\nX2,gas_station,,113.9,22.6\n";
        JsonNode refused = json(
                app.upload("/api/imports/candidates?region=demo", "bad.csv", bad.getBytes(StandardCharsets.UTF_8)),
                422);
        assertThat(refused.get("problems")).hasSize(2);
        assertThat(refused.at("/problems/0/row").asInt()).isEqualTo(2);
        assertThat(refused.at("/problems/0/field").asText()).isEqualTo("kind");
        assertThat(json(app.get("/api/candidates?region=demo&source=import"), 200)
                        .get("total")
                        .asInt())
                .isEqualTo(200);
    }

    @Test
    void aScenarioIsSolvedStoredEditedComparedAndExported() throws Exception {
        JsonNode s = post(
                "/api/scenarios?region=demo",
                "{\"name\":\"示范市五个新站\",\"problem\":\"mclp\",\"p\":5,\"minutes\":5,\"async\":false}",
                201);
        long id = s.get("id").asLong();
        assertThat(s.get("solver").asText()).isEqualTo("greedy-swap");
        assertThat(s.at("/sites/features")).hasSize(5);
        JsonNode figures = s.get("figures");
        assertThat(figures.get("fractionAfter").asDouble())
                .isGreaterThan(figures.get("fractionBefore").asDouble());
        double sumOfGains = 0;
        for (JsonNode f : s.at("/sites/features")) {
            sumOfGains += f.at("/properties/marginalGain").asDouble();
            assertThat(f.at("/properties/overlapShare").asDouble()).isBetween(0.0, 1.0);
        }
        // the gains in greedy order add up to what the sites add
        assertThat(sumOfGains)
                .isCloseTo(figures.get("newlyCovered").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.at("/solve/bestBound").asDouble())
                .isGreaterThanOrEqualTo(s.at("/solve/objective").asDouble());
        assertThat(s.at("/curve/points")).hasSize(5);
        assertThat(s.at("/inputs/candidateCount").asInt()).isGreaterThanOrEqualTo(200);
        assertThat(json(app.get("/api/scenarios/" + id + "?region=demo"), 200).get("figures"))
                .isEqualTo(figures);
        List<Long> ids = new ArrayList<>();
        json(app.get("/api/scenarios?region=demo"), 200)
                .forEach(x -> ids.add(x.get("id").asLong()));
        assertThat(ids).contains(id);

        // what-if: add a candidate not chosen, move it, delete it
        Set<String> chosen = new HashSet<>();
        s.at("/sites/features")
                .forEach(f -> chosen.add(f.at("/properties/candidateId").asText()));
        String other = chosen.contains("CA-00100") ? "CA-00101" : "CA-00100";
        JsonNode added =
                post("/api/scenarios/" + id + "/sites?region=demo", "{\"candidateId\":\"" + other + "\"}", 201);
        assertThat(added.at("/sites/features")).hasSize(6);
        assertThat(added.at("/figures/coveredAfter").asDouble())
                .isGreaterThanOrEqualTo(figures.get("coveredAfter").asDouble());
        JsonNode moved = json(
                app.send(
                        "PUT",
                        "/api/scenarios/" + id + "/sites/6?region=demo",
                        "{\"lat\":22.6,\"lon\":113.93,\"name\":\"手动点\"}"),
                200);
        JsonNode point = moved.at("/sites/features/5/properties");
        assertThat(point.get("name").asText()).isEqualTo("手动点");
        assertThat(point.get("origin").asText()).isEqualTo("moved");
        assertThat(point.get("candidateId").isNull()).isTrue();
        JsonNode removed = json(app.send("DELETE", "/api/scenarios/" + id + "/sites/6?region=demo", null), 200);
        assertThat(removed.at("/sites/features")).hasSize(5);
        assertThat(removed.get("figures")).isEqualTo(figures);
        assertThat(removed.get("editCount").asInt()).isEqualTo(3);

        // a second scenario and the comparison
        JsonNode three = post(
                "/api/scenarios?region=demo",
                "{\"name\":\"三个新站\",\"problem\":\"mclp\",\"p\":3,\"minutes\":5,\"async\":false}",
                201);
        JsonNode c = json(
                app.get("/api/scenarios/compare?region=demo&a=" + id + "&b="
                        + three.get("id").asLong()),
                200);
        assertThat(c.get("comparable").asBoolean()).isTrue();
        assertThat(c.at("/inBoth").size() + c.at("/onlyInA/features").size()).isEqualTo(5);
        assertThat(c.at("/inBoth").size() + c.at("/onlyInB/features").size()).isEqualTo(3);
        assertThat(c.get("districts").size()).isGreaterThanOrEqualTo(3);

        // exports, read back by independent readers with the Chinese names intact
        List<String> names = new ArrayList<>();
        s.at("/sites/features").forEach(f -> names.add(f.at("/properties/name").asText()));
        HttpResponse<byte[]> csv = app.getBytes("/api/scenarios/" + id + "/export.csv?region=demo");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
        try (CSVParser p = CSVParser.parse(
                new StringReader(text),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            List<String> fromCsv =
                    p.getRecords().stream().map((CSVRecord r) -> r.get("名称")).toList();
            assertThat(fromCsv).isEqualTo(names);
        }
        HttpResponse<byte[]> xlsx = app.getBytes("/api/scenarios/" + id + "/export.xlsx?region=demo");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("选址方案").getRow(1).getCell(6).getStringCellValue())
                    .isEqualTo(names.get(0));
        }
        JsonNode geojson = M.readTree(app.getBytes("/api/scenarios/" + id + "/export.geojson?region=demo")
                .body());
        assertThat(geojson.get("features")).hasSize(5);
        assertThat(geojson.at("/features/0/properties/name").asText()).isEqualTo(names.get(0));
    }

    @Test
    void anExactSolveRunsAsAJobAndTheServerStaysResponsive() throws Exception {
        HttpResponse<String> r = app.send(
                "POST",
                "/api/scenarios?region=demo",
                "{\"name\":\"精确求解\",\"problem\":\"mclp\",\"p\":4,\"minutes\":5,\"solver\":\"exact\",\"timeLimitSeconds\":30}");
        JsonNode job = json(r, 202);
        assertThat(r.headers().firstValue("Location").orElse(""))
                .startsWith("/api/jobs/" + job.get("id").asLong());
        long jobId = job.get("id").asLong();
        JsonNode j = job;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Set.of("done", "failed", "cancelled").contains(j.get("status").asText())
                && System.nanoTime() < deadline) {
            // the server answers other requests meanwhile
            json(app.get("/api/candidates?region=demo&source=import&kind=gas_station"), 200);
            Thread.sleep(100);
            j = json(app.get("/api/jobs/" + jobId + "?region=demo"), 200);
        }
        assertThat(j.get("status").asText()).as(j.toString()).isEqualTo("done");
        assertThat(j.get("progress").asDouble()).isEqualTo(1.0);
        JsonNode s = json(app.get(j.get("result").asText()), 200);
        assertThat(s.at("/solve/solver").asText()).isIn("cp-sat", "greedy-swap");
        assertThat(s.at("/solve/bestBound").asDouble())
                .isGreaterThanOrEqualTo(s.at("/solve/objective").asDouble());
        if (s.at("/solve/status").asText().equals("optimal")) {
            assertThat(s.at("/solve/gap").asDouble()).isZero();
        }
        // cancelling a finished job changes nothing
        assertThat(post("/api/jobs/" + jobId + "/cancel?region=demo", null, 200)
                        .get("status")
                        .asText())
                .isEqualTo("done");
        json(app.get("/api/jobs/99999?region=demo"), 404);
    }

    @Test
    void badRequestsAreClearAndChangeNothing() throws Exception {
        int before = scenarioCount();
        assertThat(post("/api/scenarios?region=demo", "{\"name\":\"x\",\"problem\":\"xyz\",\"p\":2}", 400)
                        .get("detail")
                        .asText())
                .contains("unknown problem type 'xyz'; expected one of mclp, lscp, partial, pmedian, pcenter");
        assertThat(post("/api/scenarios?region=demo", "{\"name\":\"x\",\"problem\":\"mclp\",\"p\":100000}", 400)
                        .get("detail")
                        .asText())
                .startsWith("p: 100000 new sites is more than the");
        assertThat(post("/api/scenarios?region=demo", "{\"name\":\"x\",\"problem\":\"mclp\"}", 400)
                        .get("detail")
                        .asText())
                .contains("needs p");
        assertThat(post("/api/scenarios?region=demo", "{\"name\":\"x\",\"problem\":\"mclp\",\"p\":2,\"colour\":1}", 400)
                        .get("detail")
                        .asText())
                .contains("unknown field 'colour'");
        assertThat(post("/api/scenarios?region=demo", "{not json", 400)
                        .get("detail")
                        .asText())
                .contains("not valid JSON");
        // 1 万元 buys nothing, so no choice reaches 99 % of the demand
        JsonNode infeasible = post(
                "/api/scenarios?region=demo",
                "{\"name\":\"x\",\"problem\":\"partial\",\"minutes\":5,\"targetCoverage\":0.99,\"budgetWanYuan\":1,"
                        + "\"defaultCostWanYuan\":50,\"async\":false}",
                422);
        assertThat(infeasible.get("detail").asText()).contains("no feasible answer");
        assertThat(infeasible.at("/problems/0/field").asText()).isEqualTo("constraints");
        assertThat(post(
                                "/api/scenarios?region=demo",
                                "{\"name\":\"x\",\"problem\":\"mclp\",\"p\":2,\"minutes\":0}",
                                400)
                        .get("detail")
                        .asText())
                .contains("minutes: 0 is out of range 1..120");
        json(app.get("/api/scenarios/424242?region=demo"), 404);
        json(app.send("DELETE", "/api/scenarios/424242/sites/1?region=demo", null), 404);
        json(app.get("/api/scenarios/compare?region=demo&a=1"), 400);
        json(app.get("/api/scenarios?region=atlantis"), 404);
        assertThat(scenarioCount()).isEqualTo(before);
    }

    /** Sum of the weights of the features of one state, and their number. */
    static double[] weightOf(JsonNode cells, String state) {
        double w = 0;
        int n = 0;
        for (JsonNode f : cells.get("features")) {
            if (f.at("/properties/state").asText().equals(state)) {
                w += f.at("/properties/weight").asDouble();
                n++;
            }
        }
        return new double[] {w, n};
    }

    /**
     * The identities a scenario's cells keep with its figures: the newly covered weight is coveredAfter − coveredBefore,
     * the covered weight coveredBefore, all three states the total demand; the cells of the best-ranked site add up to
     * its new demand (every cell new to the stations that it reaches is credited to it).
     */
    static JsonNode checkCells(long id, JsonNode scenario) throws Exception {
        JsonNode figures = scenario.get("figures");
        JsonNode all = json(app.get("/api/scenarios/" + id + "/cells?region=demo&state=all"), 200);
        org.assertj.core.data.Offset<Double> eps = org.assertj.core.data.Offset.offset(1e-6);
        assertThat(all.get("editCount").asInt())
                .isEqualTo(scenario.get("editCount").asInt());
        double[] fresh = weightOf(all, "new");
        double[] covered = weightOf(all, "covered");
        double[] uncovered = weightOf(all, "uncovered");
        assertThat(fresh[0])
                .isCloseTo(
                        figures.get("coveredAfter").asDouble()
                                - figures.get("coveredBefore").asDouble(),
                        eps);
        assertThat(covered[0]).isCloseTo(figures.get("coveredBefore").asDouble(), eps);
        assertThat(fresh[0] + covered[0] + uncovered[0])
                .isCloseTo(figures.get("totalDemand").asDouble(), eps);
        assertThat(all.at("/tallies/new/weight").asDouble()).isCloseTo(fresh[0], eps);
        assertThat(all.at("/tallies/new/cells").asInt()).isEqualTo((int) fresh[1]);
        assertThat(all.at("/tallies/uncovered/cells").asInt()).isEqualTo((int) uncovered[1]);
        Map<Integer, Integer> rankOf = new java.util.HashMap<>();
        JsonNode first = null;
        for (JsonNode f : scenario.at("/sites/features")) {
            rankOf.put(
                    f.at("/properties/siteId").asInt(), f.at("/properties/rank").asInt());
            if (first == null
                    || f.at("/properties/rank").asInt()
                            < first.at("/properties/rank").asInt()) {
                first = f;
            }
        }
        double firstSite = 0;
        for (JsonNode f : all.get("features")) {
            JsonNode p = f.get("properties");
            assertThat(p.get("weight").asDouble()).isPositive();
            assertThat(f.at("/geometry/type").asText()).isEqualTo("Polygon");
            assertThat(f.at("/geometry/coordinates/0")).hasSize(7); // a hexagon, closed
            assertThat(f.get("id").asText()).isEqualTo(p.get("h3").asText());
            boolean isNew = p.get("state").asText().equals("new");
            assertThat(p.get("coveredBefore").asBoolean())
                    .isEqualTo(p.get("state").asText().equals("covered"));
            assertThat(p.get("coveredAfter").asBoolean())
                    .isEqualTo(!p.get("state").asText().equals("uncovered"));
            assertThat(p.get("siteId").isNull()).isEqualTo(!isNew);
            if (isNew) {
                assertThat(rankOf.get(p.get("siteId").asInt()))
                        .isEqualTo(p.get("siteRank").asInt());
                if (p.get("siteId").asInt() == first.at("/properties/siteId").asInt()) {
                    firstSite += p.get("weight").asDouble();
                }
            }
        }
        assertThat(firstSite).isCloseTo(first.at("/properties/newDemand").asDouble(), eps);
        // the default lists the cells not covered before: the new and the uncovered
        JsonNode gaps = json(app.get("/api/scenarios/" + id + "/cells?region=demo"), 200);
        assertThat(gaps.get("features")).hasSize((int) (fresh[1] + uncovered[1]));
        JsonNode onlyNew = json(app.get("/api/scenarios/" + id + "/cells?region=demo&state=new"), 200);
        assertThat(onlyNew.get("features")).hasSize((int) fresh[1]);
        return all;
    }

    @Test
    void aScenariosCellsMatchItsFiguresBeforeAndAfterEdits() throws Exception {
        JsonNode s = post(
                "/api/scenarios?region=demo",
                "{\"name\":\"格网前后\",\"problem\":\"mclp\",\"p\":3,\"minutes\":5,\"async\":false}",
                201);
        long id = s.get("id").asLong();
        assertThat(s.at("/figures/newlyCovered").asDouble()).isPositive();
        JsonNode cells = checkCells(id, s);
        Set<String> byFirst = new HashSet<>();
        cells.get("features").forEach(f -> {
            if (f.at("/properties/siteId").asInt() == 1) {
                byFirst.add(f.get("id").asText());
            }
        });
        assertThat(byFirst).isNotEmpty();

        // move site 1 to a point placed by hand: the stored state answers, and no cell is credited to it as before
        JsonNode moved = json(
                app.send(
                        "PUT",
                        "/api/scenarios/" + id + "/sites/1?region=demo",
                        "{\"lat\":22.6,\"lon\":113.93,\"name\":\"手动点\"}"),
                200);
        JsonNode afterMove = checkCells(id, moved);
        assertThat(afterMove).isNotEqualTo(cells);
        // remove it: its cells are now uncovered or credited to another site
        JsonNode removed = json(app.send("DELETE", "/api/scenarios/" + id + "/sites/1?region=demo", null), 200);
        JsonNode afterRemove = checkCells(id, removed);
        afterRemove
                .get("features")
                .forEach(f -> assertThat(f.at("/properties/siteId").asInt(0)).isNotEqualTo(1));
        assertThat(afterRemove.at("/tallies/new/weight").asDouble())
                .isLessThan(cells.at("/tallies/new/weight").asDouble());

        // bad requests
        assertThat(json(app.get("/api/scenarios/" + id + "/cells?region=demo&state=green"), 400)
                        .get("detail")
                        .asText())
                .contains("unknown cell state 'green'");
        json(app.get("/api/scenarios/424242/cells?region=demo"), 404);
    }
}
