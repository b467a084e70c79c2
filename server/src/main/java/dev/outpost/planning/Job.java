package dev.outpost.planning;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit of long-running work (an exact solve) and where it stands. Immutable.
 *
 * @param id database id, positive
 * @param kind what it does, e.g. {@code scenario}
 * @param progress 0–1, an estimate (time used of the time limit, or the solver's phase)
 * @param message a sentence for people: the latest objective and bound, or why it failed
 * @param resultRef what it produced, e.g. {@code scenario:12}; null until done
 * @param startedAt null while queued
 * @param finishedAt null until finished
 */
public record Job(
        long id,
        String regionCode,
        String kind,
        JobStatus status,
        double progress,
        String message,
        String resultRef,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {
    public Job {
        if (id <= 0) {
            throw new IllegalArgumentException("job id " + id + " must be positive");
        }
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("job progress " + progress + " must be in 0..1");
        }
        message = message == null ? "" : message;
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
