-- Accounts, roles, sessions and login throttling (issue 6, part 1).
-- Everything lives in PostGIS so that several server instances share users, sessions and the login throttle.
-- app_user is global (a user may be responsible for areas in several regions: a reference table on Citus);
-- the region-scoped table user_area leads with region_code like every other region-scoped table.

CREATE TABLE app_user (
    user_name      text PRIMARY KEY CHECK (user_name ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role           text NOT NULL CHECK (role IN ('planner', 'leader', 'admin')),
    -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash (never the password itself)
    password_hash  text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    disabled       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The areas a user is responsible for: a district (or any area: its sub-areas are included) of a region, or the
-- whole region when district_code is NULL.
CREATE TABLE user_area (
    region_code    text NOT NULL REFERENCES region (region_code),
    user_name      text NOT NULL REFERENCES app_user (user_name) ON DELETE CASCADE,
    district_code  text,
    UNIQUE NULLS NOT DISTINCT (region_code, user_name, district_code),
    FOREIGN KEY (region_code, district_code) REFERENCES district (region_code, code)
);
-- (no index on user_name alone: every index of a region-scoped table leads with region_code; the table is small)

-- A login session. session_id is the SHA-256 (hex) of the random token held in the browser's cookie: the raw
-- token is never stored, so a copy of this table does not let anyone act as a user.
CREATE TABLE user_session (
    session_id     text PRIMARY KEY CHECK (session_id ~ '^[0-9a-f]{64}$'),
    user_name      text NOT NULL REFERENCES app_user (user_name) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL,
    last_seen_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    csrf_token     text NOT NULL CHECK (length(csrf_token) >= 32),
    revoked_at     timestamptz,
    client_ip      text,
    CHECK (expires_at > created_at)
);
CREATE INDEX user_session_user_idx ON user_session (user_name, created_at);
CREATE INDEX user_session_expiry_idx ON user_session (expires_at);

-- Every login attempt (also for unknown user names), for throttling across instances and as the login record.
CREATE TABLE login_attempt (
    attempt_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name      text NOT NULL CHECK (length(user_name) BETWEEN 1 AND 100),
    client_ip      text NOT NULL CHECK (length(client_ip) BETWEEN 1 AND 100),
    at             timestamptz NOT NULL,
    success        boolean NOT NULL
);
CREATE INDEX login_attempt_user_idx ON login_attempt (user_name, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (client_ip, at);
