package dev.outpost.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancelling solves through {@link SolveOptions#withControl} and hearing of their progress. */
class SolveControlTest {
    @Test
    void cancelActionsRunOnceAndLateRegistrationsRunAtOnce() {
        SolveControl c = new SolveControl();
        AtomicInteger runs = new AtomicInteger();
        SolveControl.Registration r = c.onCancel(runs::incrementAndGet);
        SolveControl.Registration removed = c.onCancel(() -> runs.addAndGet(100));
        removed.close();
        assertThat(c.isCancelled()).isFalse();
        c.cancel();
        c.cancel();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(c.isCancelled()).isTrue();
        c.onCancel(runs::incrementAndGet);
        assertThat(runs.get()).isEqualTo(2);
        r.close();
        assertThatThrownBy(SolveControl.NONE::cancel).isInstanceOf(UnsupportedOperationException.class);
        assertThat(SolveOptions.defaults().control()).isSameAs(SolveControl.NONE);
    }

    @Test
    void anExactSolveCancelledBeforeItStartsStopsAndSaysSo() {
        SolveControl c = new SolveControl();
        c.cancel();
        SitingResult r = new CpSatSolver()
                .solve(random(60, 400, 4, 11), SolveOptions.defaults().withControl(c));
        assertThat(r.message()).contains("stopped on request");
        assertThat(r.wallTimeMillis()).isLessThan(10_000);
        // whatever it found is a real solution of the problem, never called optimal without proof
        if (r.status().hasSolution()) {
            assertThat(r.bestBound()).isGreaterThanOrEqualTo(r.objective());
        }
    }

    /** Random points in a 10 km square, covered within 1.5 km: the heuristic's bound is not tight here. */
    static MaximalCoveringProblem random(int n, int m, int p, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[][] c = new double[n][];
        for (int j = 0; j < n; j++) {
            c[j] = new double[] {r.nextDouble() * 10, r.nextDouble() * 10};
        }
        List<String> cn = new ArrayList<>();
        List<String> dn = new ArrayList<>();
        List<List<Integer>> covers = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            cn.add("c" + j);
            covers.add(new ArrayList<>());
        }
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double x = r.nextDouble() * 10;
            double y = r.nextDouble() * 10;
            dn.add("d" + i);
            w[i] = 1 + r.nextInt(5);
            for (int j = 0; j < n; j++) {
                if (Math.hypot(c[j][0] - x, c[j][1] - y) <= 1.5) {
                    covers.get(j).add(i);
                }
            }
        }
        List<int[]> rows = new ArrayList<>();
        for (List<Integer> l : covers) {
            rows.add(l.stream().mapToInt(Integer::intValue).toArray());
        }
        return MaximalCoveringProblem.from(CoverageMatrix.of(cn, dn, w, rows), p);
    }

    @Test
    void progressOfTheExactSearchReachesTheListener() {
        List<ProgressPoint> heard = new ArrayList<>();
        SolveControl c = new SolveControl(p -> {
            synchronized (heard) {
                heard.add(p);
            }
        });
        SitingResult r = new CpSatSolver()
                .solve(
                        random(60, 400, 4, 11),
                        SolveOptions.defaults().withControl(c).withWarmStart(false));
        assertThat(r.solver()).isEqualTo(CpSatSolver.NAME);
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        synchronized (heard) {
            assertThat(heard).isNotEmpty().isEqualTo(r.progress());
        }
    }
}
