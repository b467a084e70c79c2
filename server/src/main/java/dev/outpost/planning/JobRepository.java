package dev.outpost.planning;

import java.time.Instant;
import java.util.Optional;

/** Storage of jobs, implemented in {@code store}. Implementations are thread-safe. */
public interface JobRepository {
    /** Stores a new queued job. */
    Job insert(String regionCode, String kind, String createdBy, String message);

    Optional<Job> find(String regionCode, long jobId);

    /** Marks a queued job running. */
    void started(String regionCode, long jobId, Instant at);

    /** Records progress of a running job. */
    void progress(String regionCode, long jobId, double progress, String message);

    /**
     * Ends a job (done, failed or cancelled) unless it has already ended.
     *
     * @return false when it had already ended
     */
    boolean finish(
            String regionCode, long jobId, JobStatus status, double progress, String message, String resultRef, Instant at);

    /** Marks every queued or running job as failed with {@code message} (at start-up: their runner is gone). */
    int failUnfinished(String message, Instant at);
}
