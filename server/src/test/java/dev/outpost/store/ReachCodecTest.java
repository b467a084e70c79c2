package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact reach-row form: exact round trips and refusals of malformed bytes. */
class ReachCodecTest {
    @Test
    void rowsRoundTripExactly() {
        int[] cells = {0, 1, 127, 128, 16_384, 2_000_000_000};
        int[] seconds = {0, 59, 900, 7_200, 1, 300};
        byte[] b = ReachCodec.encode(cells, seconds);
        assertThat(ReachCodec.cells(b)).containsExactly(cells);
        assertThat(ReachCodec.seconds(b)).containsExactly(seconds);
        byte[] noTimes = ReachCodec.encode(cells, null);
        assertThat(ReachCodec.cells(noTimes)).containsExactly(cells);
        assertThatThrownBy(() -> ReachCodec.seconds(noTimes)).hasMessageContaining("without times");
        assertThat(ReachCodec.cells(ReachCodec.encode(new int[0], new int[0]))).isEmpty();
        assertThat(ReachCodec.encode(new int[0], null)).containsExactly(0);
    }

    @Test
    void aDenseRowTakesAboutOneByteACell() {
        Random r = new Random(3);
        int[] cells = new int[1_000];
        int[] seconds = new int[1_000];
        int c = 0;
        for (int k = 0; k < cells.length; k++) {
            c += 1 + r.nextInt(50);
            cells[k] = c;
            seconds[k] = r.nextInt(900);
        }
        byte[] b = ReachCodec.encode(cells, seconds);
        assertThat(ReachCodec.cells(b)).containsExactly(cells);
        assertThat(ReachCodec.seconds(b)).containsExactly(seconds);
        // gaps below 128 take one byte, times below 16,384 two
        assertThat(b.length).isLessThanOrEqualTo(2 + 1_000 + 2_000);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> ReachCodec.encode(new int[] {3, 3}, null)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> ReachCodec.encode(new int[] {1}, new int[] {-1}))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ReachCodec.encode(new int[] {1}, new int[] {1, 2}))
                .hasMessageContaining("1 cells");
        byte[] truncated = {5, 1, 1};
        assertThatThrownBy(() -> ReachCodec.cells(truncated)).hasMessageContaining("truncated");
        byte[] trailing = ReachCodec.encode(new int[] {1}, new int[] {2});
        byte[] longer = java.util.Arrays.copyOf(trailing, trailing.length + 1);
        assertThatThrownBy(() -> ReachCodec.seconds(longer)).hasMessageContaining("trailing");
    }
}
