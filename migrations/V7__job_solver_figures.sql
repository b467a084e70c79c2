-- Outpost V7: the latest figures of a running solve on its job, for the planner page's progress line:
-- the incumbent objective, the best bound and their relative gap (|bound - incumbent| / |incumbent|), in the
-- problem's units; null while unknown.
ALTER TABLE job
    ADD COLUMN incumbent  double precision,
    ADD COLUMN best_bound double precision,
    ADD COLUMN gap        double precision;
