-- A register shared by several coordinators (issue #15): who changed a row
-- and when, which login did what in the audit log, one occasion per
-- activity, date and start time, and notifications of changed tables.

ALTER TABLE audit ADD COLUMN login TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE occasions ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE occasions ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE logbook ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE logbook ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE group_periods ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE group_periods ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';

-- Older files may hold the same activity twice at one date and start time;
-- those are folded into the first before the rule is made.
INSERT INTO participations (occasion_id, person_id, role_id, minutes)
    SELECT k.keep, pa.person_id, pa.role_id, pa.minutes
    FROM participations pa
    JOIN occasions o ON o.id = pa.occasion_id
    JOIN (SELECT activity_id, date, start_time, min(id) AS keep FROM occasions
          GROUP BY activity_id, date, start_time HAVING count(*) > 1) k
      ON k.activity_id = o.activity_id AND k.date = o.date AND k.start_time = o.start_time AND o.id <> k.keep
    WHERE true
    ON CONFLICT DO NOTHING;
UPDATE logbook SET occasion_id = (SELECT min(o2.id) FROM occasions o1 JOIN occasions o2
        ON o2.activity_id = o1.activity_id AND o2.date = o1.date AND o2.start_time = o1.start_time
        WHERE o1.id = logbook.occasion_id)
    WHERE occasion_id IS NOT NULL;
DELETE FROM occasions WHERE id NOT IN (SELECT min(id) FROM occasions GROUP BY activity_id, date, start_time);
CREATE UNIQUE INDEX occasions_once ON occasions (activity_id, date, start_time);

-- only postgres:
ALTER TABLE audit ALTER COLUMN login SET DEFAULT current_user;
CREATE FUNCTION samspil_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('samspil_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
CREATE FUNCTION samspil_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER people_stamp BEFORE INSERT OR UPDATE ON people FOR EACH ROW EXECUTE FUNCTION samspil_stamp();
CREATE TRIGGER activities_stamp BEFORE INSERT OR UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION samspil_stamp();
CREATE TRIGGER occasions_stamp BEFORE INSERT OR UPDATE ON occasions FOR EACH ROW EXECUTE FUNCTION samspil_stamp();
CREATE TRIGGER logbook_stamp BEFORE INSERT OR UPDATE ON logbook FOR EACH ROW EXECUTE FUNCTION samspil_stamp();
CREATE TRIGGER group_periods_stamp BEFORE INSERT OR UPDATE ON group_periods FOR EACH ROW EXECUTE FUNCTION samspil_stamp();
CREATE TRIGGER people_announce AFTER INSERT OR UPDATE OR DELETE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION samspil_announce();
CREATE TRIGGER activities_announce AFTER INSERT OR UPDATE OR DELETE ON activities
    FOR EACH STATEMENT EXECUTE FUNCTION samspil_announce();
CREATE TRIGGER occasions_announce AFTER INSERT OR UPDATE OR DELETE ON occasions
    FOR EACH STATEMENT EXECUTE FUNCTION samspil_announce();
CREATE TRIGGER participations_announce AFTER INSERT OR UPDATE OR DELETE ON participations
    FOR EACH STATEMENT EXECUTE FUNCTION samspil_announce();
CREATE TRIGGER group_periods_announce AFTER INSERT OR UPDATE OR DELETE ON group_periods
    FOR EACH STATEMENT EXECUTE FUNCTION samspil_announce();
CREATE TRIGGER logbook_announce AFTER INSERT OR UPDATE OR DELETE ON logbook
    FOR EACH STATEMENT EXECUTE FUNCTION samspil_announce();
-- end
