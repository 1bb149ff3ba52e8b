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

-- Older files may hold the same activity twice at one date and time (two
-- sessions of a day, often without times): they stay as they are, told
-- apart by twin (1, 2, … after the first); new occasions are always twin 0.
ALTER TABLE occasions ADD COLUMN twin INTEGER NOT NULL DEFAULT 0;
UPDATE occasions SET twin = (SELECT count(*) FROM occasions o2 WHERE o2.activity_id = occasions.activity_id
    AND o2.date = occasions.date AND o2.start_time = occasions.start_time AND o2.id < occasions.id);
CREATE UNIQUE INDEX occasions_once ON occasions (activity_id, date, start_time, twin);

-- only postgres:
-- The login in the audit log is the server's, whatever an INSERT says.
CREATE FUNCTION samspil_audit_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.login := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_login BEFORE INSERT OR UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION samspil_audit_login();
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
