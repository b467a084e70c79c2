package dev.outpost.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.district.Region;
import dev.outpost.siting.CoverageMatrix;
import dev.outpost.siting.CpSatSolver;
import dev.outpost.siting.MaximalCoveringProblem;
import dev.outpost.siting.SitingResult;
import dev.outpost.siting.SolveOptions;
import dev.outpost.store.JooqJobRepository;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs on the real PostGIS: completion, failure, queueing limits, restart, and cancelling a running CP-SAT solve. */
class JobServiceTest {
    static TestDatabase db;
    static JooqJobRepository repository;

    @BeforeAll
    static void start() {
        db = TestDatabase.create("jobs");
        new JooqRegionRepository(db.database()).upsert(new Region("jobs", "任务市", null, true));
        repository = new JooqJobRepository(db.database());
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aJobRunsToItsResultOrFailsWithItsMessage() {
        try (JobService jobs = new JobService(repository, "test-runner", 2, 10, Clock.systemUTC())) {
            Job done = jobs.submit("jobs", "scenario", "规划员", 1, ctx -> {
                ctx.progress(0.5, "half way");
                return "scenario:42";
            });
            assertThat(done.status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.DONE);
            Job finished = jobs.await("jobs", done.id(), Duration.ofSeconds(20));
            assertThat(finished.status()).isEqualTo(JobStatus.DONE);
            assertThat(finished.progress()).isEqualTo(1.0);
            assertThat(finished.resultRef()).isEqualTo("scenario:42");
            assertThat(finished.createdBy()).isEqualTo("规划员");
            assertThat(finished.startedAt()).isNotNull();
            assertThat(finished.finishedAt()).isAfterOrEqualTo(finished.startedAt());

            Job bad = jobs.submit("jobs", "scenario", "t", 1, ctx -> {
                throw new IllegalArgumentException("targetCoverage: no feasible answer");
            });
            Job failed = jobs.await("jobs", bad.id(), Duration.ofSeconds(20));
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.message()).isEqualTo("targetCoverage: no feasible answer");
            assertThat(failed.resultRef()).isNull();

            // a validation failure (e.g. an infeasible request found while solving) is the caller's, with its reason
            Job infeasible = jobs.submit("jobs", "scenario", "t", 1, ctx -> {
                throw dev.outpost.common.ValidationException.of("constraints", "no feasible answer");
            });
            Job refused = jobs.await("jobs", infeasible.id(), Duration.ofSeconds(20));
            assertThat(refused.status()).isEqualTo(JobStatus.FAILED);
            assertThat(refused.message()).contains("constraints").contains("no feasible answer");

            Job broken = jobs.submit("jobs", "scenario", "t", 1, ctx -> {
                throw new ArithmeticException("a bug");
            });
            Job internal = jobs.await("jobs", broken.id(), Duration.ofSeconds(20));
            assertThat(internal.status()).isEqualTo(JobStatus.FAILED);
            assertThat(internal.message())
                    .startsWith("an internal error occurred (error id ")
                    .doesNotContain("bug");

            // cancelling a finished job changes nothing
            assertThat(jobs.cancel("jobs", done.id()).status()).isEqualTo(JobStatus.DONE);
            assertThatThrownBy(() -> jobs.get("jobs", 987_654)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> jobs.get("other", done.id())).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void queuedJobsAreCancelledAtOnceAndAFullQueueIsRefused() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (JobService jobs = new JobService(repository, "test-runner", 1, 1, Clock.systemUTC())) {
            Job first = jobs.submit("jobs", "scenario", "t", 1, ctx -> {
                running.countDown();
                release.await(30, TimeUnit.SECONDS);
                return "scenario:1";
            });
            assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
            Job second = jobs.submit("jobs", "scenario", "t", 1, ctx -> "scenario:2");
            assertThat(second.status()).isEqualTo(JobStatus.QUEUED);
            assertThatThrownBy(() -> jobs.submit("jobs", "scenario", "t", 1, ctx -> "scenario:3"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already waiting");
            Job cancelled = jobs.cancel("jobs", second.id());
            assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(cancelled.message()).isEqualTo("cancelled while queued");
            release.countDown();
            assertThat(jobs.await("jobs", first.id(), Duration.ofSeconds(20)).status())
                    .isEqualTo(JobStatus.DONE);
            assertThat(jobs.get("jobs", second.id()).status()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void jobsLeftUnfinishedByAnEarlierProcessAreMarkedFailed() {
        Job orphan = repository.insert("jobs", "scenario", "restarting", "t", "queued");
        repository.started("jobs", orphan.id(), java.time.Instant.now());
        Job other = repository.insert("jobs", "scenario", "another-instance", "t", "queued");
        try (JobService jobs = new JobService(repository, "restarting", 1, 1, Clock.systemUTC())) {
            Job j = jobs.get("jobs", orphan.id());
            assertThat(j.status()).isEqualTo(JobStatus.FAILED);
            assertThat(j.message()).contains("stopped before the job finished");
            // another instance's job is left alone; cancelling it here marks it cancelled
            assertThat(jobs.get("jobs", other.id()).status()).isEqualTo(JobStatus.QUEUED);
            Job cancelled = jobs.cancel("jobs", other.id());
            assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(cancelled.message()).contains("not running on this server");
        }
    }

    /**
     * A random geometric maximal covering instance (500 candidates, 5,000 demand points in a 30 km square, covered
     * within 3 km, p = 20) that CP-SAT does not prove within seconds on this machine.
     */
    static MaximalCoveringProblem hardInstance() {
        Random r = new Random(7);
        int n = 500;
        int m = 5_000;
        double[][] c = new double[n][2];
        double[][] d = new double[m][2];
        for (double[] x : c) {
            x[0] = r.nextDouble() * 30;
            x[1] = r.nextDouble() * 30;
        }
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            d[i][0] = r.nextDouble() * 30;
            d[i][1] = r.nextDouble() * 30;
            w[i] = 1 + r.nextInt(10);
        }
        List<String> cn = new ArrayList<>();
        List<String> dn = new ArrayList<>();
        List<int[]> covers = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            cn.add("c" + j);
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (Math.hypot(c[j][0] - d[i][0], c[j][1] - d[i][1]) <= 3) {
                    in.add(i);
                }
            }
            covers.add(in.stream().mapToInt(Integer::intValue).toArray());
        }
        for (int i = 0; i < m; i++) {
            dn.add("d" + i);
        }
        return MaximalCoveringProblem.from(CoverageMatrix.of(cn, dn, w, covers), 20);
    }

    @Test
    void aRunningExactSolveReportsProgressAndAnIncumbentAndIsCancelled() {
        MaximalCoveringProblem problem = hardInstance();
        AtomicReference<SitingResult> seen = new AtomicReference<>();
        try (JobService jobs = new JobService(repository, "test-runner", 1, 4, Clock.systemUTC())) {
            long started = System.nanoTime();
            Job job = jobs.submit("jobs", "scenario", "t", 120, ctx -> {
                SitingResult result = new CpSatSolver()
                        .solve(
                                problem,
                                SolveOptions.defaults()
                                        .withTimeLimitSeconds(120)
                                        .withControl(ctx.control()));
                seen.set(result);
                return "result";
            });
            // wait until the job shows an incumbent and a bound of the running search (generous deadline)
            Job solving = job;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((Double.isNaN(solving.solver().incumbent())
                            || Double.isNaN(solving.solver().bound())
                            || solving.progress() == 0)
                    && System.nanoTime() < deadline) {
                sleep(50);
                solving = jobs.get("jobs", job.id());
            }
            assertThat(solving.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(solving.message()).startsWith("solving: best ");
            assertThat(solving.progress()).isGreaterThan(0.0).isLessThanOrEqualTo(0.99);
            // maximal covering: an incumbent covers at most all the weight, and the bound is above it
            Job.SolverFigures f = solving.solver();
            double total = 0;
            for (int i = 0; i < problem.matrix().demandCount(); i++) {
                total += problem.matrix().weight(i);
            }
            assertThat(f.incumbent()).isPositive().isLessThanOrEqualTo(total);
            assertThat(f.bound()).isGreaterThanOrEqualTo(f.incumbent());
            assertThat(f.gap())
                    .isCloseTo((f.bound() - f.incumbent()) / f.incumbent(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(solving.message())
                    .contains(String.format(java.util.Locale.ROOT, "best %.2f, bound %.2f", f.incumbent(), f.bound()));
            long cancelAt = System.nanoTime();
            jobs.cancel("jobs", job.id());
            Job end = jobs.await("jobs", job.id(), Duration.ofSeconds(30));
            double stopSeconds = (System.nanoTime() - cancelAt) / 1e9;
            assertThat(end.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(end.message()).isEqualTo("cancelled on request");
            assertThat(end.resultRef()).isNull();
            // the solver stopped on the cancel, long before its 120 s limit, and said so
            assertThat(seen.get()).isNotNull();
            assertThat(seen.get().message()).contains("stopped on request");
            assertThat(seen.get().wallTimeMillis()).isLessThan(100_000);
            assertThat(stopSeconds).isLessThan(30);
            assertThat((System.nanoTime() - started) / 1e9).isLessThan(100);
        }
    }

    @Test
    void progressAdvancesWithTimeWhileTheWorkIsSilent() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (JobService jobs = new JobService(repository, "test-runner", 1, 4, Clock.systemUTC())) {
            // expected to take 4 s; the task says its phase once and then blocks without any report
            Job job = jobs.submit("jobs", "scenario", "t", 4, ctx -> {
                ctx.progress(0.01, "building coverage matrices");
                release.await(60, TimeUnit.SECONDS);
                return "scenario:7";
            });
            Job seen = job;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.progress() <= 0.01 && System.nanoTime() < deadline) {
                sleep(50);
                seen = jobs.get("jobs", job.id());
            }
            assertThat(seen.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(seen.progress()).isGreaterThan(0.01).isLessThanOrEqualTo(0.99);
            assertThat(seen.message()).isEqualTo("building coverage matrices");
            assertThat(seen.solver()).isEqualTo(Job.SolverFigures.NONE);
            release.countDown();
            Job end = jobs.await("jobs", job.id(), Duration.ofSeconds(20));
            assertThat(end.status()).isEqualTo(JobStatus.DONE);
            assertThat(end.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void solverFiguresStateTheGapOrUnknown() {
        Job.SolverFigures f = Job.SolverFigures.of(80, 100);
        assertThat(f.gap()).isEqualTo(0.25);
        assertThat(Job.SolverFigures.of(4, 4).gap()).isZero();
        assertThat(Job.SolverFigures.of(Double.NaN, 100).gap()).isNaN();
        assertThat(Job.SolverFigures.of(0, 3).gap()).isNaN();
        assertThat(Job.SolverFigures.of(Double.NaN, 100).known()).isTrue();
        assertThat(Job.SolverFigures.NONE.known()).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
