package dev.outpost.rider.poster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posters with the system's CJK font (Debian's fonts-noto-cjk, installed by {@code ./outpost test}); skipped with a
 * message outside CI when it is absent, failed in CI.
 */
class PosterRendererTest {
    static PosterFont font;

    static final PosterContent CONTENT = new PosterContent(
            "河西区暖蜂驿站(泰安店)",
            "暖蜂驿站 · Warm-bee station",
            "示范市河西区松柏街道泰安路299号",
            "饮用水、热饭、手机充电",
            "Drinking water, Food heating, Phone charging",
            "24/7",
            "K7M2QX",
            "https://outpost.example.cn/s/K7M2QX");

    @TempDir
    Path tmp;

    @BeforeAll
    static void font() {
        font = requireFont();
    }

    static PosterFont requireFont() {
        var f = PosterFont.system();
        if (f.isEmpty() && System.getenv("CI") != null) {
            throw new IllegalStateException("no CJK font in CI: ./outpost test installs fonts-noto-cjk");
        }
        Assumptions.assumeTrue(f.isPresent(), "poster tests skipped: no CJK font (apt-get install fonts-noto-cjk)");
        return f.get();
    }

    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Result r = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return r.getText();
    }

    static String pdfToText(byte[] pdf, Path dir) throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!Files.isExecutable(pdftotext) && System.getenv("CI") != null) {
            throw new IllegalStateException("pdftotext missing in CI: ./outpost test installs poppler-utils");
        }
        Assumptions.assumeTrue(Files.isExecutable(pdftotext), "skipped: pdftotext (poppler-utils) is not installed");
        Path in = dir.resolve("poster.pdf");
        Path out = dir.resolve("poster.txt");
        Files.write(in, pdf);
        Process p = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", in.toString(), out.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).as("pdftotext warnings").doesNotContain("Error");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void thePngIsAnA4PageWhoseQrCodeOpensTheStationPage() throws Exception {
        byte[] png = new PosterRenderer(font).png(CONTENT);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1240);
        assertThat(image.getHeight()).isEqualTo(1754);
        assertThat(decodeQr(png)).isEqualTo("https://outpost.example.cn/s/K7M2QX");
        // the title band is orange and the title's glyphs are drawn in white on it
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xC2410C);
        long white = 0;
        for (int x = 100; x < 600; x++) {
            for (int y = 90; y < 140; y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                }
            }
        }
        assertThat(white).as("white title pixels").isGreaterThan(1000);
    }

    @Test
    void thePdfHasSearchableChineseAndEnglishText() throws Exception {
        byte[] pdf = new PosterRenderer(font).pdf(CONTENT);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).as("embedded subset, not the 16 MB collection").isLessThan(200_000);
        String text = pdfToText(pdf, tmp);
        assertThat(text)
                .contains("扫码查看驿站")
                .contains("Scan to visit")
                .contains("河西区暖蜂驿站(泰安店)")
                .contains("示范市河西区松柏街道泰安路299号")
                .contains("饮用水、热饭、手机充电")
                .contains("K7M2QX")
                .contains("24/7");
    }

    @Test
    void theEmbeddedTrueTypeFontHasTheGlyphsOfTheSourceFont() throws Exception {
        byte[] ttf = font.trueTypeFor("驿站A1");
        TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        assertThat(parsed.getNumberOfGlyphs()).isEqualTo(5); // .notdef + 4
        assertThat(parsed.getUnitsPerEm()).isEqualTo(font.unitsPerEm());
        for (int cp : "驿站A1".codePoints().toArray()) {
            int gid = parsed.getUnicodeCmapLookup().getGlyphId(cp);
            assertThat(gid).isPositive();
            assertThat(parsed.getAdvanceWidth(gid)).isEqualTo(font.advance(cp));
            GeneralPath converted = parsed.getGlyph().getGlyph(gid).getPath();
            Rectangle2D a = converted.getBounds2D();
            Rectangle2D b = font.outline(cp).getBounds2D();
            // quadratic pieces stay within half a unit of the cubic curves; coordinates are rounded to whole units
            assertThat(a.getMinX()).isCloseTo(b.getMinX(), org.assertj.core.api.Assertions.within(1.5));
            assertThat(a.getMaxX()).isCloseTo(b.getMaxX(), org.assertj.core.api.Assertions.within(1.5));
            assertThat(a.getMinY()).isCloseTo(b.getMinY(), org.assertj.core.api.Assertions.within(1.5));
            assertThat(a.getMaxY()).isCloseTo(b.getMaxY(), org.assertj.core.api.Assertions.within(1.5));
        }
        assertThat(TrueTypeBuilder.checksum(ttf)).isEqualTo(0xB1B0AFBAL);
    }

    @Test
    void longNamesWrapWithinThePage() {
        PosterRenderer r = new PosterRenderer(font);
        List<String> lines = r.wrap("示范市河西区松柏街道泰安路299号党群服务中心暖蜂驿站(泰安店)二楼东侧休息室", 30, 499);
        assertThat(lines.size()).isGreaterThan(1);
        for (String line : lines) {
            assertThat(font.width(line) * 30.0 / font.unitsPerEm()).isLessThanOrEqualTo(499);
        }
        assertThat(String.join("", lines)).isEqualTo("示范市河西区松柏街道泰安路299号党群服务中心暖蜂驿站(泰安店)二楼东侧休息室");
        assertThat(r.wrap("Drinking water, Food heating, Phone charging", 15, 200))
                .allSatisfy(line -> assertThat(line).doesNotStartWith(" ").doesNotEndWith(" "));
    }
}
