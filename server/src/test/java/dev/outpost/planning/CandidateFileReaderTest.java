package dev.outpost.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import dev.outpost.dataio.TextDecoding;
import dev.outpost.dataio.XlsxWriter;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Candidate files: the demo city's list, XLSX and GBK variants, and every problem of a bad file at once. */
class CandidateFileReaderTest {
    static Path demoCandidates() {
        Path p = Path.of(System.getProperty("outpost.root", ".."))
                .toAbsolutePath()
                .normalize()
                .resolve("geodata/demo-city/candidates.csv");
        Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: the demo city is absent from " + p);
        return p;
    }

    @Test
    void theDemoCitysCandidatesReadWithTheirChineseNames() throws IOException {
        byte[] bytes = Files.readAllBytes(demoCandidates());
        List<Candidate> all = CandidateFileReader.read("demo", "candidates.csv", bytes, CoordinateSystem.WGS84);
        assertThat(all).hasSize(200);
        Candidate first = all.get(0);
        // CA-00001,gas_station,中国石油港湾加油站,449901,21.0,113.889686,22.643250
        assertThat(first.id()).isEqualTo("CA-00001");
        assertThat(first.kind()).isEqualTo(CandidateKind.GAS_STATION);
        assertThat(first.name()).isEqualTo("中国石油港湾加油站");
        assertThat(first.districtCode()).isEqualTo("449901");
        assertThat(first.costWanYuan()).isEqualTo(21.0);
        assertThat(first.position()).isEqualTo(new LatLon(22.643250, 113.889686));
        assertThat(first.source()).isEqualTo(CandidateSource.IMPORT);
        assertThat(all.stream().map(Candidate::kind).distinct())
                .containsExactlyInAnyOrder(
                        CandidateKind.GAS_STATION,
                        CandidateKind.CONVENIENCE_STORE,
                        CandidateKind.COMMUNITY_CENTRE,
                        CandidateKind.CARING_MERCHANT);
    }

    @Test
    void xlsxGbkAndGcj02FilesReadTheSame() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("K1", "加油站", "中石化东门站", "440303", 12.5, 8, 114.1, 22.55));
        rows.add(Arrays.asList("K2", "便利店", "'=美宜佳", null, null, null, 114.2, 22.56));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        XlsxWriter.write(
                new XlsxWriter.Sheet("候选点", List.of("编号", "类型", "名称", "所属区", "成本", "座位数", "经度", "纬度"), rows), xlsx);
        List<Candidate> fromXlsx =
                CandidateFileReader.read("sz", "候选点.xlsx", xlsx.toByteArray(), CoordinateSystem.WGS84);
        assertThat(fromXlsx).hasSize(2);
        assertThat(fromXlsx.get(0).capacitySeats()).isEqualTo(8);
        assertThat(fromXlsx.get(0).costWanYuan()).isEqualTo(12.5);
        assertThat(fromXlsx.get(0).kind()).isEqualTo(CandidateKind.GAS_STATION);
        // the quote a formula-safe writer adds is removed again
        assertThat(fromXlsx.get(1).name()).isEqualTo("=美宜佳");
        assertThat(fromXlsx.get(1).costWanYuan()).isNull();

        String csv = "id;kind;name;lon;lat\nK1;community_centre;福田社区服务中心;114.1;22.55\n";
        byte[] gbk = csv.getBytes(TextDecoding.GBK);
        List<Candidate> fromGbk = CandidateFileReader.read("sz", "c.csv", gbk, CoordinateSystem.GCJ02);
        assertThat(fromGbk.get(0).name()).isEqualTo("福田社区服务中心");
        LatLon expected = CoordinateSystem.GCJ02.toWgs84(114.1, 22.55);
        assertThat(fromGbk.get(0).position().lat()).isCloseTo(expected.lat(), within(1e-12));
        // GCJ-02 is shifted by a few hundred metres here
        assertThat(fromGbk.get(0).position().distanceMeters(new LatLon(22.55, 114.1)))
                .isBetween(200.0, 800.0);
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryProblem() {
        String csv = "编号,类型,名称,所属区,成本,经度,纬度\n"
                + "A1,gas_station,好站,440303,10,114.1,22.5\n"
                + "A2,spaceship,坏类型,440303,10,114.1,22.5\n"
                + "A1,convenience_store,重复编号,440303,10,114.1,22.5\n"
                + "A4,convenience_store,坏经度,440303,10,214.1,22.5\n"
                + "A5,convenience_store,坏成本,440303,很多,114.1,22.5\n"
                + "A6,convenience_store,,440303,-3,114.1,\n"
                + "station:9,other,保留编号,,1,114.1,22.5\n";
        ValidationException e = catchValidation(csv);
        assertThat(e.problems())
                .extracting(Problem::row, Problem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "kind"),
                        org.assertj.core.groups.Tuple.tuple(4, "id"),
                        org.assertj.core.groups.Tuple.tuple(5, "lon"),
                        org.assertj.core.groups.Tuple.tuple(6, "cost"),
                        org.assertj.core.groups.Tuple.tuple(7, "name"),
                        org.assertj.core.groups.Tuple.tuple(7, "cost"),
                        org.assertj.core.groups.Tuple.tuple(7, "lat"),
                        org.assertj.core.groups.Tuple.tuple(8, "id"));
        assertThat(e.problems().get(0).reason()).startsWith("unknown candidate kind 'spaceship'; expected one of");
        assertThat(e.problems().get(1).reason()).isEqualTo("id 'A1' was already used on row 2");
        assertThat(e.problems().get(2).reason()).isEqualTo("214.1 is out of range -180..180");
        assertThat(e.problems().get(3).reason()).isEqualTo("'很多' is not a number");
        assertThat(e.getMessage()).startsWith("8 problems: row 3, field 'kind'");

        assertThatThrownBy(() -> CandidateFileReader.read(
                        "x", "c.csv", "名称,经度\n某站,114\n".getBytes(StandardCharsets.UTF_8), CoordinateSystem.WGS84))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("missing column(s) [id, kind, lat]");
        assertThatThrownBy(() -> CandidateFileReader.read("x", "c.csv", new byte[0], CoordinateSystem.WGS84))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> CandidateFileReader.read(
                        "x", "c.csv", "编号,类型,名称,经度,纬度\n".getBytes(StandardCharsets.UTF_8), CoordinateSystem.WGS84))
                .hasMessageContaining("no data rows");
    }

    private static ValidationException catchValidation(String csv) {
        try {
            CandidateFileReader.read("x", "bad.csv", csv.getBytes(StandardCharsets.UTF_8), CoordinateSystem.WGS84);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("the bad file was accepted");
    }
}
