package dev.outpost.planning;

import java.time.Instant;
import java.util.Optional;

/** Storage of jobs, implemented in {@code store}. Implementations are thread-safe. */
public interface JobRepository {
    /**
     * Stores a new queued job.
     *
     * @param runner the name of the server instance that will run it
     */
    Job insert(String regionCode, String kind, String runner, String createdBy, String message);

    Optional<Job> find(String regionCode, long jobId);

    /** Marks a queued job running. */
    void started(String regionCode, long jobId, Instant at);

    /**
     * Records progress of a running job.
     *
     * @param solver the search's latest figures (NaN values stored as unknown)
     * @return false when the job is no longer running (for example cancelled from another instance)
     */
    boolean progress(String regionCode, long jobId, double progress, String message, Job.SolverFigures solver);

    /**
     * Ends a job (done, failed or cancelled) unless it has already ended.
     *
     * @return false when it had already ended
     */
    boolean finish(
            String regionCode,
            long jobId,
            JobStatus status,
            double progress,
            String message,
            String resultRef,
            Instant at);

    /**
     * Marks every queued or running job of one runner as failed with {@code message} (at its start-up: its earlier
     * process is gone).
     */
    int failUnfinished(String runner, String message, Instant at);
}
