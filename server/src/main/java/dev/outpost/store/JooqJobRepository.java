package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.JOB;

import dev.outpost.planning.Job;
import dev.outpost.planning.JobRepository;
import dev.outpost.planning.JobStatus;
import dev.outpost.store.jooq.tables.records.JobRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Jobs in PostGIS, one row each; status changes are single guarded updates. Thread-safe. */
public final class JooqJobRepository implements JobRepository {
    private static final List<String> UNFINISHED = List.of(JobStatus.QUEUED.code(), JobStatus.RUNNING.code());

    private final DSLContext dsl;

    public JooqJobRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public Job insert(String regionCode, String kind, String runner, String createdBy, String message) {
        JobRecord r = dsl.newRecord(JOB);
        r.setRegionCode(regionCode);
        r.setKind(kind);
        r.setRunner(runner);
        r.setStatus(JobStatus.QUEUED.code());
        r.setProgress(0.0);
        r.setMessage(message == null ? "" : message);
        r.setCreatedBy(createdBy);
        r.store();
        r.refresh();
        return toJob(r);
    }

    @Override
    public Optional<Job> find(String regionCode, long jobId) {
        return dsl.selectFrom(JOB)
                .where(JOB.REGION_CODE.eq(regionCode), JOB.JOB_ID.eq(jobId))
                .fetchOptional(JooqJobRepository::toJob);
    }

    @Override
    public void started(String regionCode, long jobId, Instant at) {
        dsl.update(JOB)
                .set(JOB.STATUS, JobStatus.RUNNING.code())
                .set(JOB.STARTED_AT, at.atOffset(ZoneOffset.UTC))
                .set(JOB.MESSAGE, "running")
                .where(JOB.REGION_CODE.eq(regionCode), JOB.JOB_ID.eq(jobId), JOB.STATUS.eq(JobStatus.QUEUED.code()))
                .execute();
    }

    @Override
    public boolean progress(String regionCode, long jobId, double progress, String message, Job.SolverFigures solver) {
        Job.SolverFigures f = solver == null ? Job.SolverFigures.NONE : solver;
        return dsl.update(JOB)
                        .set(JOB.PROGRESS, progress)
                        .set(JOB.MESSAGE, message == null ? "" : message)
                        .set(JOB.INCUMBENT, known(f.incumbent()))
                        .set(JOB.BEST_BOUND, known(f.bound()))
                        .set(JOB.GAP, known(f.gap()))
                        .where(
                                JOB.REGION_CODE.eq(regionCode),
                                JOB.JOB_ID.eq(jobId),
                                JOB.STATUS.eq(JobStatus.RUNNING.code()))
                        .execute()
                > 0;
    }

    @Override
    public boolean finish(
            String regionCode,
            long jobId,
            JobStatus status,
            double progress,
            String message,
            String resultRef,
            Instant at) {
        if (!status.finished()) {
            throw new IllegalArgumentException("job status " + status.code() + " does not end a job");
        }
        return dsl.update(JOB)
                        .set(JOB.STATUS, status.code())
                        .set(JOB.PROGRESS, progress)
                        .set(JOB.MESSAGE, message == null ? "" : message)
                        .set(JOB.RESULT_REF, resultRef)
                        .set(JOB.FINISHED_AT, at.atOffset(ZoneOffset.UTC))
                        .where(JOB.REGION_CODE.eq(regionCode), JOB.JOB_ID.eq(jobId), JOB.STATUS.in(UNFINISHED))
                        .execute()
                > 0;
    }

    @Override
    public int failUnfinished(String runner, String message, Instant at) {
        return dsl.update(JOB)
                .set(JOB.STATUS, JobStatus.FAILED.code())
                .set(JOB.MESSAGE, message)
                .set(JOB.FINISHED_AT, at.atOffset(ZoneOffset.UTC))
                .where(JOB.RUNNER.eq(runner), JOB.STATUS.in(UNFINISHED))
                .execute();
    }

    private static Job toJob(JobRecord r) {
        return new Job(
                r.getJobId(),
                r.getRegionCode(),
                r.getKind(),
                JobStatus.parse(r.getStatus()),
                r.getProgress(),
                r.getMessage(),
                new Job.SolverFigures(nan(r.getIncumbent()), nan(r.getBestBound()), nan(r.getGap())),
                r.getResultRef(),
                r.getCreatedBy(),
                r.getCreatedAt().toInstant(),
                instant(r.getStartedAt()),
                instant(r.getFinishedAt()));
    }

    /** A finite value, or null for NaN and infinities. */
    private static Double known(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
