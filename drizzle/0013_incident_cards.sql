-- Issue 12 point 10: the dashboard's incident cards cost the same with 5 or 5,000 incidents that owe a
-- report (docs/security.md). The reporting rule of lib/incidents/reporting.ts (computeReportingClocks,
-- reportingObligations, lateFlags) stated in SQL; the generated columns of incidents, the tallies below
-- and their triggers are built on it, and tests/integration/dashboard-incidents.test.ts checks it
-- against the pure rule. Constants as there: preliminary report due day 5 (warning from day 3), final
-- due day 30 (60 with a wrongful purpose; warning 7 days before), more than 1,000 persons reportable;
-- days counted from the Tokyo date of discovery. Single-expression SQL functions, IMMUTABLE: Postgres
-- inlines them into the calling query or generated column (no per-statement planning of a body).
CREATE FUNCTION incident_discovery_date(discovered_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (discovered_at AT TIME ZONE 'Asia/Tokyo')::date
$$;
--> statement-breakpoint
-- The first day of the Tokyo month of discovery (the card tally's month).
CREATE FUNCTION incident_discovery_month(discovered_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', (discovered_at AT TIME ZONE 'Asia/Tokyo')::date::timestamp)::date
$$;
--> statement-breakpoint
-- computeReportingClocks().reportable: a trigger holds and advanced encryption does not unmake it.
CREATE FUNCTION incident_reportable(sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean, encrypted boolean, persons_affected integer)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (sensitive_data OR financial_loss OR wrongful_purpose OR persons_affected > 1000) AND NOT encrypted
$$;
--> statement-breakpoint
-- The two clocks. Preliminary (the PPC's 速報, the notice to the persons, the P-mark body's): due day 5,
-- warning from day 3. Final (the PPC's 確報, the P-mark body's): due day 30 or 60, warning 7 days before.
CREATE FUNCTION incident_preliminary_due(discovered_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT incident_discovery_date(discovered_at) + 5
$$;
--> statement-breakpoint
CREATE FUNCTION incident_preliminary_warn(discovered_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT incident_discovery_date(discovered_at) + 3
$$;
--> statement-breakpoint
CREATE FUNCTION incident_final_due(discovered_at timestamptz, wrongful_purpose boolean) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT incident_discovery_date(discovered_at) + CASE WHEN wrongful_purpose THEN 60 ELSE 30 END
$$;
--> statement-breakpoint
CREATE FUNCTION incident_final_warn(discovered_at timestamptz, wrongful_purpose boolean) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT incident_discovery_date(discovered_at) + CASE WHEN wrongful_purpose THEN 60 ELSE 30 END - 7
$$;
--> statement-breakpoint
-- reportingObligations(): one row per report or notice owed, in its order (ord), with its deadline, the
-- first day of its warning window and the day it was made (null: not yet). The PPC's two reports and
-- the notice to the persons only when reportable; the P-mark body's two always.
CREATE FUNCTION incident_obligations(discovered_at timestamptz, sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean,
  encrypted boolean, persons_affected integer, ppc_preliminary_reported_on date, ppc_final_reported_on date, persons_notified_on date,
  pmark_preliminary_reported_on date, pmark_final_reported_on date)
RETURNS TABLE (ord integer, key text, due_on date, warn_from date, done_on date) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT o.ord, o.key, o.due_on, o.warn_from, o.done_on
    FROM (VALUES
      (1, 'ppcPreliminary', incident_preliminary_due(discovered_at), incident_preliminary_warn(discovered_at), ppc_preliminary_reported_on, false),
      (2, 'ppcFinal', incident_final_due(discovered_at, wrongful_purpose), incident_final_warn(discovered_at, wrongful_purpose), ppc_final_reported_on, false),
      (3, 'personsNotice', incident_preliminary_due(discovered_at), incident_preliminary_warn(discovered_at), persons_notified_on, false),
      (4, 'pmarkPreliminary', incident_preliminary_due(discovered_at), incident_preliminary_warn(discovered_at), pmark_preliminary_reported_on, true),
      (5, 'pmarkFinal', incident_final_due(discovered_at, wrongful_purpose), incident_final_warn(discovered_at, wrongful_purpose), pmark_final_reported_on, true)
    ) AS o(ord, key, due_on, warn_from, done_on, always)
   WHERE o.always OR incident_reportable(sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected)
$$;
--> statement-breakpoint
-- lateFlags().nextDue, the earliest deadline of what is owed and not made: the preliminary clock's
-- while one of its reports is not made (its deadline comes first), else the final clock's while one of
-- its reports is not made, else null. incident_next_report_warn: the first day of that clock's warning
-- window, the earliest of what is not made. On a day, an incident is late (overdue) when its next
-- deadline is before the day, and due soon when it is not late and its warning day is on or before it.
CREATE FUNCTION incident_next_report_due(discovered_at timestamptz, sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean,
  encrypted boolean, persons_affected integer, ppc_preliminary_reported_on date, ppc_final_reported_on date, persons_notified_on date,
  pmark_preliminary_reported_on date, pmark_final_reported_on date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN pmark_preliminary_reported_on IS NULL
      OR ((ppc_preliminary_reported_on IS NULL OR persons_notified_on IS NULL)
          AND incident_reportable(sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected))
      THEN incident_preliminary_due(discovered_at)
    WHEN pmark_final_reported_on IS NULL
      OR (ppc_final_reported_on IS NULL AND incident_reportable(sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected))
      THEN incident_final_due(discovered_at, wrongful_purpose)
  END
$$;
--> statement-breakpoint
CREATE FUNCTION incident_next_report_warn(discovered_at timestamptz, sensitive_data boolean, financial_loss boolean, wrongful_purpose boolean,
  encrypted boolean, persons_affected integer, ppc_preliminary_reported_on date, ppc_final_reported_on date, persons_notified_on date,
  pmark_preliminary_reported_on date, pmark_final_reported_on date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN pmark_preliminary_reported_on IS NULL
      OR ((ppc_preliminary_reported_on IS NULL OR persons_notified_on IS NULL)
          AND incident_reportable(sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected))
      THEN incident_preliminary_warn(discovered_at)
    WHEN pmark_final_reported_on IS NULL
      OR (ppc_final_reported_on IS NULL AND incident_reportable(sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected))
      THEN incident_final_warn(discovered_at, wrongful_purpose)
  END
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
-- The tallies' change for one incident row written: its old version leaves them (-1), its new version
-- enters them (+1); only live incidents are counted. One statement per tally, its keys in order, so
-- that concurrent writers lock tally rows in one order (no deadlock); keys that fall to zero go.
CREATE FUNCTION incident_tallies_move(o incidents, has_old boolean, w incidents, has_new boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  count_old boolean := has_old AND o.retired_at IS NULL;
  count_new boolean := has_new AND w.retired_at IS NULL;
BEGIN
  INSERT INTO incident_tally AS t (discovery_month, severity, status, reportable, n)
  SELECT k.discovery_month, k.severity, k.status, k.reportable, sum(k.delta)
    FROM (SELECT incident_discovery_month(o.discovered_at), o.severity, o.status, o.reportable, -1 WHERE count_old
          UNION ALL
          SELECT incident_discovery_month(w.discovered_at), w.severity, w.status, w.reportable, 1 WHERE count_new
         ) AS k(discovery_month, severity, status, reportable, delta)
   GROUP BY 1, 2, 3, 4 HAVING sum(k.delta) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (discovery_month, severity, status, reportable) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO incident_deadline_tally AS t (next_report_warn, next_report_due, n)
  SELECT k.next_report_warn, k.next_report_due, sum(k.delta)
    FROM (SELECT o.next_report_warn, o.next_report_due, -1 WHERE count_old AND o.next_report_due IS NOT NULL
          UNION ALL
          SELECT w.next_report_warn, w.next_report_due, 1 WHERE count_new AND w.next_report_due IS NOT NULL
         ) AS k(next_report_warn, next_report_due, delta)
   GROUP BY 1, 2 HAVING sum(k.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (next_report_warn, next_report_due) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO incident_obligation_tally AS t (due_on, on_time, n)
  SELECT k.due_on, coalesce(k.done_on <= k.due_on, false), sum(k.delta)
    FROM (SELECT x.due_on, x.done_on, -1 AS delta
            FROM incident_obligations(o.discovered_at, o.sensitive_data, o.financial_loss, o.wrongful_purpose, o.encrypted, o.persons_affected,
                   o.ppc_preliminary_reported_on, o.ppc_final_reported_on, o.persons_notified_on, o.pmark_preliminary_reported_on, o.pmark_final_reported_on) x
           WHERE count_old
          UNION ALL
          SELECT x.due_on, x.done_on, 1
            FROM incident_obligations(w.discovered_at, w.sensitive_data, w.financial_loss, w.wrongful_purpose, w.encrypted, w.persons_affected,
                   w.ppc_preliminary_reported_on, w.ppc_final_reported_on, w.persons_notified_on, w.pmark_preliminary_reported_on, w.pmark_final_reported_on) x
           WHERE count_new
         ) AS k
   GROUP BY 1, 2 HAVING sum(k.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (due_on, on_time) DO UPDATE SET n = t.n + excluded.n;
  IF count_old THEN
    DELETE FROM incident_tally
     WHERE (discovery_month, severity, status, reportable) = (incident_discovery_month(o.discovered_at), o.severity, o.status, o.reportable) AND n = 0;
    DELETE FROM incident_deadline_tally WHERE (next_report_warn, next_report_due) = (o.next_report_warn, o.next_report_due) AND n = 0;
    DELETE FROM incident_obligation_tally
     WHERE due_on IN (incident_preliminary_due(o.discovered_at), incident_final_due(o.discovered_at, o.wrongful_purpose)) AND n = 0;
  END IF;
END
$$;
--> statement-breakpoint
-- Row level, in the same transaction as the write: every write path (the API, seeds, imports, COPY, SQL
-- by hand) keeps the tallies.
CREATE FUNCTION incident_tallies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM incident_tallies_move(NEW, false, NEW, true);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM incident_tallies_move(OLD, true, OLD, false);
  ELSE
    PERFORM incident_tallies_move(OLD, true, NEW, true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER incident_tallies_insert AFTER INSERT ON incidents FOR EACH ROW EXECUTE FUNCTION incident_tallies_changed();
--> statement-breakpoint
CREATE TRIGGER incident_tallies_delete AFTER DELETE ON incidents FOR EACH ROW EXECUTE FUNCTION incident_tallies_changed();
--> statement-breakpoint
-- An update runs it only when a column the tallies are keyed on (or derived from) changed: not for an
-- edit of the title, the description, the containment or the final report's text.
CREATE TRIGGER incident_tallies_update AFTER UPDATE ON incidents FOR EACH ROW
  WHEN ((OLD.discovered_at, OLD.severity, OLD.status, OLD.retired_at, OLD.reportable, OLD.wrongful_purpose, OLD.ppc_preliminary_reported_on,
         OLD.ppc_final_reported_on, OLD.persons_notified_on, OLD.pmark_preliminary_reported_on, OLD.pmark_final_reported_on)
        IS DISTINCT FROM
        (NEW.discovered_at, NEW.severity, NEW.status, NEW.retired_at, NEW.reportable, NEW.wrongful_purpose, NEW.ppc_preliminary_reported_on,
         NEW.ppc_final_reported_on, NEW.persons_notified_on, NEW.pmark_preliminary_reported_on, NEW.pmark_final_reported_on))
  EXECUTE FUNCTION incident_tallies_changed();
--> statement-breakpoint
-- Recomputes the three tallies from the incidents: after this migration, and after a load made with
-- triggers off (session_replication_role = replica). TRUNCATE of incidents empties them too.
CREATE FUNCTION incident_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE incidents IN SHARE MODE;
  DELETE FROM incident_tally;
  DELETE FROM incident_deadline_tally;
  DELETE FROM incident_obligation_tally;
  INSERT INTO incident_tally (discovery_month, severity, status, reportable, n)
  SELECT incident_discovery_month(discovered_at), severity, status, reportable, count(*)
    FROM incidents WHERE retired_at IS NULL GROUP BY 1, 2, 3, 4;
  INSERT INTO incident_deadline_tally (next_report_warn, next_report_due, n)
  SELECT next_report_warn, next_report_due, count(*)
    FROM incidents WHERE retired_at IS NULL AND next_report_due IS NOT NULL GROUP BY 1, 2;
  INSERT INTO incident_obligation_tally (due_on, on_time, n)
  SELECT x.due_on, coalesce(x.done_on <= x.due_on, false), count(*)
    FROM incidents i,
         incident_obligations(i.discovered_at, i.sensitive_data, i.financial_loss, i.wrongful_purpose, i.encrypted, i.persons_affected,
           i.ppc_preliminary_reported_on, i.ppc_final_reported_on, i.persons_notified_on, i.pmark_preliminary_reported_on, i.pmark_final_reported_on) x
   WHERE i.retired_at IS NULL GROUP BY 1, 2;
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
