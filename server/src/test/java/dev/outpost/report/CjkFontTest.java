package dev.outpost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a CJK font PDFBox can embed, and clear messages when there is none. */
class CjkFontTest {
    @TempDir
    Path dir;

    @Test
    void aNamedFontThatDoesNotExistIsAClearError() {
        Path missing = dir.resolve("no-such-font.ttc");
        assertThatThrownBy(() -> CjkFont.locate(Map.of(CjkFont.ENV, missing.toString())))
                .isInstanceOf(ReportUnavailableException.class)
                .hasMessageContaining("no-such-font.ttc");
    }

    @Test
    void aFileThatIsNoFontIsRefused() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.ttf"), "not a font");
        assertThatThrownBy(() -> CjkFont.withFont(junk, f -> f.getName())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void notoCjkWithCffOutlinesIsRefusedWithWhatToInstall() {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        Assumptions.assumeTrue(Files.isRegularFile(noto), "skipped: fonts-noto-cjk is not installed");
        assertThatThrownBy(() -> CjkFont.withFont(noto, f -> f.getName()))
                .isInstanceOf(ReportUnavailableException.class)
                .hasMessageContaining("CFF")
                .hasMessageContaining("fonts-wqy-microhei");
    }

    @Test
    void theDebianCandidateHasTrueTypeOutlines() throws Exception {
        Path found;
        try {
            found = CjkFont.locate(Map.of());
        } catch (ReportUnavailableException e) {
            Assumptions.assumeTrue(System.getenv("CI") != null, "skipped outside CI: " + e.getMessage());
            throw e;
        }
        String name = CjkFont.withFont(found, f -> f.getName());
        assertThat(name).isNotBlank();
    }
}
