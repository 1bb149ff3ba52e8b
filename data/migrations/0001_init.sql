-- Samspil schema 1: the partnership, its people, activities, occasions and
-- who took which role each time. Dates are ISO 8601 text (YYYY-MM-DD).

CREATE TABLE settings (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    partnership         TEXT NOT NULL DEFAULT '',
    organisation        TEXT NOT NULL DEFAULT '',
    municipality        TEXT NOT NULL DEFAULT '',
    balance_threshold   REAL NOT NULL DEFAULT 0.20 CHECK (balance_threshold > 0 AND balance_threshold < 1),
    no_consent_policy   TEXT NOT NULL DEFAULT 'exclude' CHECK (no_consent_policy IN ('exclude', 'count')),
    retention_months    INTEGER NOT NULL DEFAULT 24 CHECK (retention_months > 0),
    backups_kept        INTEGER NOT NULL DEFAULT 14 CHECK (backups_kept > 0),
    secret              BLOB NOT NULL CHECK (length(secret) >= 32),
    created_at          TEXT NOT NULL
);

CREATE TABLE target_sizes (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
    size INTEGER NOT NULL CHECK (size > 0)
);

CREATE TABLE categories (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    name_da TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE roles (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name_da      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 9),
    professional INTEGER NOT NULL DEFAULT 0 CHECK (professional IN (0, 1)),
    sort         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE themes (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    name_da TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind    TEXT NOT NULL DEFAULT '' CHECK (kind IN ('', 'promoter', 'inhibitor')),
    sort    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    search_key    TEXT NOT NULL,
    birth_year    INTEGER,
    gender        TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male', 'other')),
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    first_contact TEXT,
    entry_channel TEXT NOT NULL DEFAULT 'other'
                  CHECK (entry_channel IN ('network', 'host', 'municipal', 'self', 'other')),
    invited_by    INTEGER REFERENCES people (id) ON DELETE SET NULL,
    notes         TEXT NOT NULL DEFAULT '',
    anonymised    INTEGER NOT NULL DEFAULT 0 CHECK (anonymised IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX people_search_key ON people (search_key);
CREATE INDEX people_created ON people (created_at);

CREATE TABLE group_periods (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    grp        TEXT NOT NULL CHECK (grp IN ('target', 'resourceful', 'volunteer', 'org_staff', 'municipal_staff')),
    staff_kind TEXT NOT NULL DEFAULT '' CHECK (staff_kind IN ('', 'counsellor', 'care', 'other')),
    start_date TEXT NOT NULL,
    end_date   TEXT CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX group_periods_person ON group_periods (person_id, start_date);

CREATE TABLE group_period_categories (
    period_id   INTEGER NOT NULL REFERENCES group_periods (id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
    PRIMARY KEY (period_id, category_id)
) WITHOUT ROWID;
CREATE INDEX group_period_categories_category ON group_period_categories (category_id);

CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose      TEXT NOT NULL CHECK (purpose IN ('registration', 'research', 'photos')),
    given_on     TEXT NOT NULL,
    withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
    method       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consents_person ON consents (person_id, purpose);

CREATE TABLE activities (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('recurring', 'cause', 'workshop', 'event', 'meeting')),
    status       TEXT NOT NULL CHECK (status IN ('idea', 'active', 'paused', 'ended')),
    start_date   TEXT,
    end_date     TEXT CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    place        TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    initiator_id INTEGER REFERENCES people (id) ON DELETE SET NULL
);
CREATE INDEX activities_initiator ON activities (initiator_id);

CREATE TABLE occasions (
    id               INTEGER PRIMARY KEY,
    activity_id      INTEGER NOT NULL REFERENCES activities (id) ON DELETE RESTRICT,
    date             TEXT NOT NULL,
    start_time       TEXT NOT NULL DEFAULT '',
    end_time         TEXT NOT NULL DEFAULT '',
    anonymous_guests INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_guests >= 0),
    notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX occasions_activity ON occasions (activity_id, date);
CREATE INDEX occasions_date ON occasions (date);

CREATE TABLE participations (
    occasion_id INTEGER NOT NULL REFERENCES occasions (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    role_id     INTEGER NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    minutes     INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
    PRIMARY KEY (occasion_id, person_id)
) WITHOUT ROWID;
CREATE INDEX participations_person ON participations (person_id, occasion_id);
CREATE INDEX participations_role ON participations (role_id);

CREATE TABLE paths (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('job', 'education', 'internship', 'association', 'own_initiative', 'other')),
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX paths_person ON paths (person_id);

CREATE TABLE logbook (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    activity_id INTEGER REFERENCES activities (id) ON DELETE SET NULL,
    occasion_id INTEGER REFERENCES occasions (id) ON DELETE SET NULL,
    text        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX logbook_date ON logbook (date);

CREATE TABLE logbook_people (
    entry_id  INTEGER NOT NULL REFERENCES logbook (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, person_id)
) WITHOUT ROWID;
CREATE INDEX logbook_people_person ON logbook_people (person_id);

CREATE TABLE logbook_themes (
    entry_id INTEGER NOT NULL REFERENCES logbook (id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE RESTRICT,
    PRIMARY KEY (entry_id, theme_id)
) WITHOUT ROWID;

CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    action  TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT ''
);

-- Default catalogues from the booklet; the coordinator may edit them.
INSERT INTO categories (code, name_da, name_en, sort) VALUES
    ('mental_health', 'psykisk sårbar', 'mental-health vulnerability', 1),
    ('intellectual_disability', 'udviklingshæmmet', 'intellectual disability', 2),
    ('unemployed', 'uden beskæftigelse', 'without employment', 3),
    ('weak_network', 'svagt netværk', 'weak network', 4);

INSERT INTO roles (code, name_da, name_en, level, professional, sort) VALUES
    ('initiator', 'initiativtager', 'initiator', 4, 0, 1),
    ('host', 'vært', 'host', 4, 0, 2),
    ('active', 'aktiv deltager', 'active participant', 3, 0, 3),
    ('less_active', 'mindre aktiv deltager', 'less active participant', 2, 0, 4),
    ('supported', 'modtager støtte', 'receives support', 1, 0, 5),
    ('accompanies', 'støtteperson/følgeskab', 'supports/accompanies (professional)', 0, 1, 6);

INSERT INTO themes (code, name_da, name_en, kind, sort) VALUES
    ('flexibility', 'fleksibilitet', 'flexibility', 'promoter', 1),
    ('equality', 'ligeværdighed', 'being met as equal', 'promoter', 2),
    ('diversity', 'mangfoldighed', 'diversity', 'promoter', 3),
    ('hosting', 'værtsskab', 'hosting', 'promoter', 4),
    ('accompaniment', 'følgeskab', 'accompaniment', 'promoter', 5),
    ('fixed_roles', 'fast rollefordeling', 'fixed role division', 'inhibitor', 6),
    ('target_steering', 'målgruppestyring', 'target-group steering', 'inhibitor', 7),
    ('chaotic_spaces', 'kaotiske rum', 'chaotic spaces', 'inhibitor', 8);
