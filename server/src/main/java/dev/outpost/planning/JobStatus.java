package dev.outpost.planning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a job stands. queued → running → done | failed | cancelled (a queued job may be cancelled directly). */
public enum JobStatus {
    QUEUED("queued"),
    RUNNING("running"),
    DONE("done"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String code;

    JobStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the job has ended. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    public static JobStatus parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (JobStatus s : values()) {
            if (s.code.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job status '" + text + "'; expected one of "
                + Arrays.stream(values()).map(JobStatus::code).collect(Collectors.joining(", ")));
    }
}
