-- The proposal workflow (issue 6): a planner submits a scenario for one area (a district, or any area of the
-- region's hierarchy); a leader of that area approves it (its sites become planned stations) or sends it back with a
-- comment. Every step is a row of proposal_decision (and of audit_log).
-- region_code leads every key and index (Citus-ready: distribute by region_code).

-- The area a scenario is proposed for (set on submission, kept afterwards), and who submitted it last and when.
ALTER TABLE scenario
    ADD COLUMN area_code    text CHECK (length(area_code) BETWEEN 1 AND 64),
    ADD COLUMN submitted_by text,
    ADD COLUMN submitted_at timestamptz;
CREATE INDEX scenario_status_area_idx ON scenario (region_code, status, area_code);

-- One row per step of a scenario's workflow, oldest first by decision_id. comment: what the actor wrote (required
-- for 'returned', at most 2,000 characters). station_ids: the planned stations an approval created.
CREATE TABLE proposal_decision (
    region_code  text NOT NULL,
    scenario_id  bigint NOT NULL,
    decision_id  bigint GENERATED ALWAYS AS IDENTITY,
    step         text NOT NULL CHECK (step IN ('submitted', 'approved', 'returned')),
    status_before text NOT NULL CHECK (status_before IN ('draft', 'submitted', 'approved', 'returned')),
    actor        text NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
    comment      text CHECK (length(comment) BETWEEN 1 AND 2000),
    area_code    text NOT NULL CHECK (length(area_code) BETWEEN 1 AND 64),
    station_ids  bigint[] NOT NULL DEFAULT '{}',
    at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, scenario_id, decision_id),
    FOREIGN KEY (region_code, scenario_id) REFERENCES scenario (region_code, scenario_id) ON DELETE CASCADE,
    CHECK (step <> 'returned' OR comment IS NOT NULL)
);
