-- Issue 12 point 10: the dashboard's incident cards cost the same with 5 or 5,000 incidents that owe a
-- report. The reporting rule of lib/incidents/reporting.ts (reportingObligations) stated once in SQL;
-- the generated columns of incidents, the tallies below and their triggers are built on it, and
-- tests/integration/dashboard-incidents.test.ts checks it against the pure rule. Constants as there:
-- preliminary due day 5 (warning from day 3), final due day 30 (60 with a wrongful purpose, warning 7
-- days before), more than 1,000 persons reportable; days counted from the Tokyo date of discovery.
-- Plain SQL functions, IMMUTABLE (so generated columns may call them).
CREATE FUNCTION incident_discovery_date(discovered_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (discovered_at AT TIME ZONE 'Asia/Tokyo')::date
$$;
--> statement-breakpoint
-- computeReportingClocks().reportable: a trigger holds and advanced encryption does not unmake it.
CREATE FUNCTION incident_reportable(sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean, encrypted boolean, persons_affected integer)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (sensitive_data OR financial_loss OR wrongful_purpose OR persons_affected > 1000) AND NOT encrypted
$$;
--> statement-breakpoint
-- reportingObligations(): one row per report or notice owed, in its order (ord), with its deadline, the
-- first day of its warning window and the day it was made (null: not yet).
CREATE FUNCTION incident_obligations(discovered_at timestamptz, sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean,
  encrypted boolean, persons_affected integer, ppc_preliminary_reported_on date, ppc_final_reported_on date, persons_notified_on date,
  pmark_preliminary_reported_on date, pmark_final_reported_on date)
RETURNS TABLE (ord integer, key text, due_on date, warn_from date, done_on date) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT o.ord, o.key, o.due_on, o.warn_from, o.done_on
    FROM (SELECT incident_discovery_date(discovered_at) AS d,
                 CASE WHEN wrongful_purpose THEN 60 ELSE 30 END AS final_days,
                 incident_reportable(sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected) AS reportable) f
   CROSS JOIN LATERAL (VALUES
     (1, 'ppcPreliminary', f.d + 5, f.d + 3, ppc_preliminary_reported_on, f.reportable),
     (2, 'ppcFinal', f.d + f.final_days, f.d + f.final_days - 7, ppc_final_reported_on, f.reportable),
     (3, 'personsNotice', f.d + 5, f.d + 3, persons_notified_on, f.reportable),
     (4, 'pmarkPreliminary', f.d + 5, f.d + 3, pmark_preliminary_reported_on, true),
     (5, 'pmarkFinal', f.d + f.final_days, f.d + f.final_days - 7, pmark_final_reported_on, true)
   ) AS o(ord, key, due_on, warn_from, done_on, owed)
   WHERE o.owed
$$;
--> statement-breakpoint
-- lateFlags().nextDue: the earliest deadline of what is not made yet. An incident is late on a day
-- when this is before it (overdue), due soon when it is not and incident_next_report_warn is on or
-- before it (the earliest unmade obligation in its warning window is then the one with this deadline).
CREATE FUNCTION incident_next_report_due(discovered_at timestamptz, sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean,
  encrypted boolean, persons_affected integer, ppc_preliminary_reported_on date, ppc_final_reported_on date, persons_notified_on date,
  pmark_preliminary_reported_on date, pmark_final_reported_on date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT min(o.due_on) FROM incident_obligations(discovered_at, sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected,
    ppc_preliminary_reported_on, ppc_final_reported_on, persons_notified_on, pmark_preliminary_reported_on, pmark_final_reported_on) o
   WHERE o.done_on IS NULL
$$;
--> statement-breakpoint
CREATE FUNCTION incident_next_report_warn(discovered_at timestamptz, sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean,
  encrypted boolean, persons_affected integer, ppc_preliminary_reported_on date, ppc_final_reported_on date, persons_notified_on date,
  pmark_preliminary_reported_on date, pmark_final_reported_on date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT min(o.warn_from) FROM incident_obligations(discovered_at, sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected,
    ppc_preliminary_reported_on, ppc_final_reported_on, persons_notified_on, pmark_preliminary_reported_on, pmark_final_reported_on) o
   WHERE o.done_on IS NULL
$$;
--> statement-breakpoint
-- The first day of the Tokyo month of discovery (the tally's month).
CREATE FUNCTION incident_discovery_month(discovered_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', incident_discovery_date(discovered_at)::timestamp)::date
$$;
--> statement-breakpoint
CREATE TABLE "incident_deadline_tally" (
	"next_report_warn" date NOT NULL,
	"next_report_due" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "incident_deadline_tally_pk" PRIMARY KEY("next_report_warn","next_report_due")
);
--> statement-breakpoint
CREATE TABLE "incident_obligation_tally" (
	"due_on" date NOT NULL,
	"on_time" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "incident_obligation_tally_pk" PRIMARY KEY("due_on","on_time")
);
--> statement-breakpoint
CREATE TABLE "incident_tally" (
	"discovery_month" date NOT NULL,
	"severity" "incident_severity" NOT NULL,
	"status" "incident_status" NOT NULL,
	"reportable" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "incident_tally_pk" PRIMARY KEY("discovery_month","severity","status","reportable")
);
--> statement-breakpoint
DROP INDEX "incidents_reports_pending_idx";--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "reportable" boolean GENERATED ALWAYS AS (incident_reportable("sensitive_data", "financial_loss", "wrongful_purpose", "encrypted", "persons_affected")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "next_report_due" date GENERATED ALWAYS AS (incident_next_report_due("discovered_at", "sensitive_data", "financial_loss", "wrongful_purpose", "encrypted", "persons_affected",
  "ppc_preliminary_reported_on", "ppc_final_reported_on", "persons_notified_on", "pmark_preliminary_reported_on", "pmark_final_reported_on")) STORED;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "next_report_warn" date GENERATED ALWAYS AS (incident_next_report_warn("discovered_at", "sensitive_data", "financial_loss", "wrongful_purpose", "encrypted", "persons_affected",
  "ppc_preliminary_reported_on", "ppc_final_reported_on", "persons_notified_on", "pmark_preliminary_reported_on", "pmark_final_reported_on")) STORED;--> statement-breakpoint
CREATE INDEX "incidents_next_report_idx" ON "incidents" USING btree ("next_report_due","reference" collate "C") WHERE "incidents"."retired_at" is null and "incidents"."next_report_due" is not null;
--> statement-breakpoint
-- The tallies' deltas of changed incident rows, given as [{"delta": ±1, "row": <incidents row>}]: per
-- live incident, its card key, its deadline key when it owes a report, and each of its obligations'
-- (deadline, made on time) key. Applied in key order, table after table, so that concurrent writers
-- lock tally rows in one order (no deadlock); keys that fall to zero are removed.
CREATE FUNCTION incident_tallies_apply(changed jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_tally AS t (discovery_month, severity, status, reportable, n)
  SELECT incident_discovery_month(i.discovered_at), i.severity, i.status, i.reportable, sum((e->>'delta')::int)
    FROM jsonb_array_elements(changed) e, jsonb_populate_record(null::incidents, e->'row') i
   WHERE i.retired_at IS NULL
   GROUP BY 1, 2, 3, 4 HAVING sum((e->>'delta')::int) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (discovery_month, severity, status, reportable) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO incident_deadline_tally AS t (next_report_warn, next_report_due, n)
  SELECT i.next_report_warn, i.next_report_due, sum((e->>'delta')::int)
    FROM jsonb_array_elements(changed) e, jsonb_populate_record(null::incidents, e->'row') i
   WHERE i.retired_at IS NULL AND i.next_report_due IS NOT NULL
   GROUP BY 1, 2 HAVING sum((e->>'delta')::int) <> 0 ORDER BY 1, 2
  ON CONFLICT (next_report_warn, next_report_due) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO incident_obligation_tally AS t (due_on, on_time, n)
  SELECT o.due_on, coalesce(o.done_on <= o.due_on, false), sum((e->>'delta')::int)
    FROM jsonb_array_elements(changed) e, jsonb_populate_record(null::incidents, e->'row') i,
         incident_obligations(i.discovered_at, i.sensitive_data, i.financial_loss, i.wrongful_purpose, i.encrypted, i.persons_affected,
           i.ppc_preliminary_reported_on, i.ppc_final_reported_on, i.persons_notified_on, i.pmark_preliminary_reported_on, i.pmark_final_reported_on) o
   WHERE i.retired_at IS NULL
   GROUP BY 1, 2 HAVING sum((e->>'delta')::int) <> 0 ORDER BY 1, 2
  ON CONFLICT (due_on, on_time) DO UPDATE SET n = t.n + excluded.n;
  IF changed @> '[{"delta": -1}]' THEN
    DELETE FROM incident_tally WHERE n = 0;
    DELETE FROM incident_deadline_tally WHERE n = 0;
    DELETE FROM incident_obligation_tally WHERE n = 0;
  END IF;
END
$$;
--> statement-breakpoint
-- Statement level, with transition tables: a COPY of thousands of incidents is one pass. The
-- transition tables are visible in the trigger function only, so it hands their rows on as jsonb.
CREATE FUNCTION incident_tallies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM incident_tallies_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('delta', 1, 'row', to_jsonb(r))) FROM new_rows r WHERE r.retired_at IS NULL), '[]'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM incident_tallies_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('delta', -1, 'row', to_jsonb(r))) FROM old_rows r WHERE r.retired_at IS NULL), '[]'));
  ELSE
    PERFORM incident_tallies_apply(coalesce((
      SELECT jsonb_agg(x) FROM (
        SELECT jsonb_build_object('delta', -1, 'row', to_jsonb(r)) AS x FROM old_rows r WHERE r.retired_at IS NULL
        UNION ALL
        SELECT jsonb_build_object('delta', 1, 'row', to_jsonb(r)) FROM new_rows r WHERE r.retired_at IS NULL) c), '[]'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER incident_tallies_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_tallies_changed();
--> statement-breakpoint
CREATE TRIGGER incident_tallies_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_tallies_changed();
--> statement-breakpoint
CREATE TRIGGER incident_tallies_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_tallies_changed();
--> statement-breakpoint
-- Recomputes the three tallies from the incidents: after this migration, and after a load made with
-- triggers off (session_replication_role = replica). TRUNCATE of incidents empties them too.
CREATE FUNCTION incident_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE incidents IN SHARE MODE;
  DELETE FROM incident_tally;
  DELETE FROM incident_deadline_tally;
  DELETE FROM incident_obligation_tally;
  PERFORM incident_tallies_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('delta', 1, 'row', to_jsonb(r))) FROM incidents r WHERE r.retired_at IS NULL), '[]'));
END
$$;
--> statement-breakpoint
CREATE FUNCTION incident_tallies_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE incident_tally, incident_deadline_tally, incident_obligation_tally;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER incident_tallies_truncate AFTER TRUNCATE ON incidents FOR EACH STATEMENT EXECUTE FUNCTION incident_tallies_truncated();
--> statement-breakpoint
SELECT incident_tallies_rebuild();
