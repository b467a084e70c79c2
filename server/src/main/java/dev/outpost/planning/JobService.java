package dev.outpost.planning;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.common.ValidationException;
import dev.outpost.siting.ProgressPoint;
import dev.outpost.siting.SolveControl;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long work (exact solves) as jobs on a small bounded executor of this server instance, so that requests stay
 * quick: at most {@code maxConcurrent} jobs run at once (on low-priority daemon threads), at most {@code maxQueued}
 * wait; beyond that a submission is refused ({@link ConflictException}). Each job has a row in the job table with its
 * status, progress (0–1), message and the search's latest incumbent, bound and gap, written every
 * {@link #PROGRESS_INTERVAL_MILLIS} ms by one timer thread while it runs (so at most twice a second, whatever the
 * solver reports, and the latest report is never lost): progress is the time used of the expected time, below 1;
 * solver threads only leave their figures for the next write.
 *
 * <p>Cancelling a queued job removes it; cancelling a running one cancels its {@link SolveControl} (CP-SAT stops its
 * search) and the job ends as cancelled, its result discarded. A job runs on the instance that accepted it (its
 * {@code runner}); cancelling it from another instance marks it cancelled in the database, and the running instance
 * stops the solve at its next progress report. Jobs its earlier process left queued or running are marked failed
 * when a runner starts.
 *
 * <p>Thread-safe.
 */
public final class JobService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    /** Least time between two progress writes of one job (at most two a second). */
    static final long PROGRESS_INTERVAL_MILLIS = 500;
    /** Progress of a running job stays below this (1 means done). */
    static final double MAX_RUNNING_PROGRESS = 0.99;

    /** The work of a job. */
    @FunctionalInterface
    public interface Task {
        /**
         * Does the work.
         *
         * @return a reference to the result, e.g. {@code scenario:12}
         * @throws CancellationException when it stopped because the job was cancelled
         */
        String run(Context context) throws Exception;
    }

    /** What a task sees of its job. */
    public interface Context {
        /** Pass it to the solver; cancelled when the job is. */
        SolveControl control();

        /**
         * Sets the least progress (0–1) and the sentence of the current phase; written with the next periodic write
         * (the search's figures, once reported, take the sentence's place).
         */
        void progress(double fraction, String message);
    }

    private record Running(SolveControl control, Future<?> future) {}

    private final JobRepository repository;
    private final String runner;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService ticks;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    /**
     * @param runner this instance's stable name (e.g. host name and port), 1–200 characters
     * @param maxConcurrent jobs running at once, 1–16 (on 2 cores, 1 keeps the server responsive)
     * @param maxQueued jobs waiting, 0–1,000
     */
    public JobService(JobRepository repository, String runner, int maxConcurrent, int maxQueued, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        if (runner == null || runner.isBlank() || runner.length() > 200) {
            throw new IllegalArgumentException("job runner name '" + runner + "' must be 1 to 200 characters");
        }
        this.runner = runner;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxConcurrent < 1 || maxConcurrent > 16) {
            throw new IllegalArgumentException("concurrent jobs " + maxConcurrent + " is out of range 1..16");
        }
        if (maxQueued < 0 || maxQueued > 1_000) {
            throw new IllegalArgumentException("queued jobs " + maxQueued + " is out of range 0..1000");
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                maxConcurrent,
                maxConcurrent,
                30,
                TimeUnit.SECONDS,
                maxQueued == 0 ? new LinkedBlockingQueue<>(1) : new LinkedBlockingQueue<>(maxQueued),
                r -> {
                    Thread t = new Thread(r, "outpost-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Math.max(Thread.MIN_PRIORITY, Thread.NORM_PRIORITY - 2));
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outpost-job-progress");
            t.setDaemon(true);
            return t;
        });
        int stale = repository.failUnfinished(runner, "the server stopped before the job finished", clock.instant());
        if (stale > 0) {
            LOG.info("marked {} unfinished jobs of an earlier run as failed", stale);
        }
    }

    /**
     * Queues a job.
     *
     * @param expectedSeconds a guess of its duration (e.g. the solver's time limit), for the progress estimate
     * @throws ConflictException when the queue is full
     */
    public Job submit(String regionCode, String kind, String actor, double expectedSeconds, Task task) {
        Objects.requireNonNull(task, "task");
        if (executor.getQueue().remainingCapacity() == 0) {
            throw new ConflictException(
                    executor.getQueue().size() + " jobs are already waiting; try again when one has finished");
        }
        Job job = repository.insert(regionCode, kind, runner, actor == null ? "system" : actor, "queued");
        long id = job.id();
        JobContext context = new JobContext(regionCode, id, expectedSeconds);
        try {
            Future<?> future = executor.submit(() -> execute(regionCode, id, task, context));
            running.put(id, new Running(context.control(), future));
        } catch (RejectedExecutionException e) {
            repository.finish(regionCode, id, JobStatus.FAILED, 0, "the job queue is full", null, clock.instant());
            throw new ConflictException("the job queue is full; try again when a job has finished");
        }
        return get(regionCode, id);
    }

    private void execute(String regionCode, long id, Task task, JobContext context) {
        SolveControl control = context.control();
        try {
            if (control.isCancelled()) {
                repository.finish(
                        regionCode, id, JobStatus.CANCELLED, 0, "cancelled before it started", null, clock.instant());
                return;
            }
            repository.started(regionCode, id, clock.instant());
            context.start();
            String ref;
            try {
                try {
                    ref = task.run(context);
                } finally {
                    context.stop();
                }
            } catch (CancellationException e) {
                repository.finish(
                        regionCode, id, JobStatus.CANCELLED, 0, "cancelled on request", null, clock.instant());
                return;
            } catch (IllegalArgumentException
                    | IllegalStateException
                    | ConflictException
                    | NotFoundException
                    | ValidationException e) {
                // the caller's mistake (e.g. an infeasible request): its message is the job's, as a 4xx answer's
                String message = control.isCancelled() ? "cancelled on request" : e.getMessage();
                repository.finish(
                        regionCode,
                        id,
                        control.isCancelled() ? JobStatus.CANCELLED : JobStatus.FAILED,
                        0,
                        message,
                        null,
                        clock.instant());
                return;
            } catch (Exception | Error e) {
                String errorId = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("job {} of {} failed (error id {})", id, regionCode, errorId, e);
                repository.finish(
                        regionCode,
                        id,
                        JobStatus.FAILED,
                        0,
                        "an internal error occurred (error id " + errorId + "); nothing was stored",
                        null,
                        clock.instant());
                return;
            }
            if (control.isCancelled()) {
                repository.finish(
                        regionCode, id, JobStatus.CANCELLED, 0, "cancelled on request", null, clock.instant());
            } else {
                repository.finish(regionCode, id, JobStatus.DONE, 1, "done", ref, clock.instant());
            }
        } finally {
            running.remove(id);
        }
    }

    /** @throws NotFoundException when the region has no such job */
    public Job get(String regionCode, long jobId) {
        return repository
                .find(regionCode, jobId)
                .orElseThrow(() -> new NotFoundException("no job " + jobId + " in region '" + regionCode + "'"));
    }

    /**
     * Cancels a job (idempotent; a finished job is returned as it is).
     *
     * @return the job as it stands after the request (a running job may still be stopping: poll it)
     */
    public Job cancel(String regionCode, long jobId) {
        Job job = get(regionCode, jobId);
        if (job.status().finished()) {
            return job;
        }
        Running r = running.get(jobId);
        if (r == null) {
            repository.finish(
                    regionCode,
                    jobId,
                    JobStatus.CANCELLED,
                    job.progress(),
                    "cancelled; it was not running on this server",
                    null,
                    clock.instant());
            return get(regionCode, jobId);
        }
        r.control().cancel();
        // removed from the queue only when it has not started (Future.cancel would also succeed on a running task)
        if (r.future() instanceof Runnable task && executor.remove(task)) {
            running.remove(jobId);
            repository.finish(
                    regionCode, jobId, JobStatus.CANCELLED, 0, "cancelled while queued", null, clock.instant());
        }
        return get(regionCode, jobId);
    }

    /**
     * Waits until a job has finished or the timeout passes (for tests and command-line use).
     *
     * @return the job as it then stands
     */
    public Job await(String regionCode, long jobId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        Job j = get(regionCode, jobId);
        while (!j.status().finished() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            j = get(regionCode, jobId);
        }
        return j;
    }

    /** Jobs running or waiting in this instance. */
    public int activeCount() {
        return running.size();
    }

    /** Stops taking jobs and cancels those running or waiting. */
    @Override
    public void close() {
        for (Running r : running.values()) {
            r.control().cancel();
        }
        executor.shutdownNow();
        ticks.shutdownNow();
    }

    private final class JobContext implements Context {
        private final String regionCode;
        private final long id;
        private final double expectedSeconds;
        private final SolveControl control;
        private final Object lock = new Object();
        private volatile long startNanos;
        private ScheduledFuture<?> ticker;
        // what the next write says (guarded by lock)
        private double phaseFraction;
        private String phaseMessage = "running";
        private double incumbent = Double.NaN;
        private double bound = Double.NaN;
        private long solverMillis = -1;

        JobContext(String regionCode, long id, double expectedSeconds) {
            this.regionCode = regionCode;
            this.id = id;
            this.expectedSeconds = expectedSeconds > 0 ? expectedSeconds : 60;
            this.control = new SolveControl(this::solverProgress);
        }

        /** Starts the clock and the writes (the first at once, then every {@link #PROGRESS_INTERVAL_MILLIS}). */
        void start() {
            startNanos = System.nanoTime();
            ticker = ticks.scheduleWithFixedDelay(this::write, 0, PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }

        /** Stops the writes (the job's end is written by {@code finish}). */
        void stop() {
            if (ticker != null) {
                ticker.cancel(false);
            }
        }

        @Override
        public SolveControl control() {
            return control;
        }

        /** Kept for the next write: the progress is at least {@code fraction}; the message stands until the search
         * reports. */
        @Override
        public void progress(double fraction, String message) {
            synchronized (lock) {
                phaseFraction = Double.isNaN(fraction) ? phaseFraction : Math.max(phaseFraction, fraction);
                phaseMessage = message == null ? "" : message;
            }
        }

        /** The exact search's objective and bound, kept for the next write (on the solver's threads: no I/O). */
        private void solverProgress(ProgressPoint p) {
            synchronized (lock) {
                if (!Double.isNaN(p.objective())) {
                    incumbent = p.objective();
                }
                if (!Double.isNaN(p.bound())) {
                    bound = p.bound();
                }
                solverMillis = p.elapsedMillis();
            }
        }

        /**
         * One write of where the job stands: progress is the time used of the expected time (at least what the task
         * said), below 1; the message and figures are the search's latest when it has reported.
         */
        private void write() {
            double fraction;
            String message;
            Job.SolverFigures figures;
            synchronized (lock) {
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                fraction =
                        Math.max(0, Math.min(MAX_RUNNING_PROGRESS, Math.max(phaseFraction, seconds / expectedSeconds)));
                figures = Job.SolverFigures.of(incumbent, bound);
                message = figures.known() && solverMillis >= 0
                        ? String.format(
                                Locale.ROOT,
                                "solving: best %s, bound %s, gap %s after %.1f s",
                                num(figures.incumbent()),
                                num(figures.bound()),
                                Double.isNaN(figures.gap())
                                        ? "unknown"
                                        : String.format(Locale.ROOT, "%.3f%%", 100 * figures.gap()),
                                solverMillis / 1000.0)
                        : phaseMessage;
            }
            try {
                if (!repository.progress(regionCode, id, fraction, message, figures)) {
                    // cancelled (or ended) elsewhere: stop the work
                    stop();
                    control.cancel();
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot record progress of job {}: {}", id, e.toString());
            }
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "unknown" : String.format(Locale.ROOT, "%.2f", v);
    }
}
