-- Schema 3: every editable record carries a version, raised by each UPDATE
-- and checked in its WHERE, so a form that shows an old copy cannot write it
-- back over a newer one; and the erasure register (person id, day, kind — no
-- names), which a restore carries over and re-applies.
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE activities ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE occasions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE logbook ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE group_periods ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE erasures (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('anonymise', 'delete'))
);
