-- Schema 2: a record of every export handed out (no personal data in it).
CREATE TABLE exports (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    period_from   TEXT,
    period_to     TEXT,
    pseudonymised INTEGER NOT NULL CHECK (pseudonymised IN (0, 1)),
    format        TEXT NOT NULL,
    row_counts    TEXT NOT NULL DEFAULT ''
);
