CREATE TABLE "training_current_status" (
	"employee_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"hire_date" date NOT NULL,
	"leave_date" date,
	"required_from" date NOT NULL,
	"exempt" boolean NOT NULL,
	"last_passed_on" date,
	"due_on" date,
	"tallied" boolean NOT NULL,
	CONSTRAINT "training_current_status_employee_id_course_id_pk" PRIMARY KEY("employee_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "training_status_tally" (
	"department_id" integer NOT NULL,
	"exempt" boolean NOT NULL,
	"passed" boolean NOT NULL,
	"due_on" date NOT NULL,
	"required_from" date NOT NULL,
	"pending_from" date NOT NULL,
	"leave_date" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "training_status_tally_pk" PRIMARY KEY("department_id","exempt","passed","due_on","required_from","pending_from","leave_date")
);
--> statement-breakpoint
ALTER TABLE "training_current_status" ADD CONSTRAINT "training_current_status_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_current_status" ADD CONSTRAINT "training_current_status_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_current_status_course_idx" ON "training_current_status" USING btree ("course_id");--> statement-breakpoint
-- The training status rule (lib/training/status.ts) in SQL, once: the status queries
-- (db/queries/training-status.ts, db/queries/dashboard.ts) and the triggers below call these.
-- Plain SQL functions, IMMUTABLE: Postgres inlines them into the calling query.
-- "Has an exemption reason": a reason that is not blank once trimmed as JS's String.prototype.trim() trims.
CREATE FUNCTION training_exempt(reason text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(reason ~ '[^\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]', false)
$$;
--> statement-breakpoint
-- isRequired(): audience all, or department and/or employment type (an empty list does not narrow; both empty: nobody).
CREATE FUNCTION training_required(audience_all boolean, department_ids integer[], employment_types text[], department_id integer, employment_type text)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT audience_all
      OR ((cardinality(department_ids) > 0 OR cardinality(employment_types) > 0)
          AND (cardinality(department_ids) = 0 OR department_id = ANY(department_ids))
          AND (cardinality(employment_types) = 0 OR employment_type = ANY(employment_types)))
$$;
--> statement-breakpoint
-- The due date: last passed + recurrence (month end clamped, as addMonths), or max(hire, requiredFrom) +
-- the grace days when never passed; null when a once-only course was passed (it never expires).
CREATE FUNCTION training_due_on(last_passed date, recurrence_months integer, hire_date date, required_from date, new_hire_due_days integer)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN last_passed IS NOT NULL AND recurrence_months IS NULL THEN NULL
    ELSE coalesce((last_passed + make_interval(months => recurrence_months))::date, greatest(hire_date, required_from) + new_hire_due_days)
  END
$$;
--> statement-breakpoint
-- computeTrainingStatus(): exempt › compliant (once-only passed) › overdue › due_soon (never passed, or due within the window) › compliant.
-- `passed`: there is a passing completion on or before the day.
CREATE FUNCTION training_status_on(exempt boolean, passed boolean, due_on date, as_of date, due_soon_days integer)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN exempt THEN 'exempt'
    WHEN passed AND due_on IS NULL THEN 'compliant'
    WHEN due_on < as_of THEN 'overdue'
    WHEN NOT passed OR due_on - as_of <= due_soon_days THEN 'due_soon'
    ELSE 'compliant'
  END
$$;
--> statement-breakpoint
CREATE FUNCTION training_tokyo_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE 'Asia/Tokyo')::date
$$;
--> statement-breakpoint
-- The tally's key of a training_current_status row (see db/schema/training.ts trainingStatusTally):
-- the hire date matters where the pair was never passed or was passed before the hire; an exempt
-- pair's status needs no due date.
CREATE FUNCTION training_tally_pending_from(hire_date date, last_passed date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN last_passed IS NULL OR hire_date > last_passed THEN hire_date ELSE '-infinity'::date END
$$;
--> statement-breakpoint
CREATE FUNCTION training_tally_due_on(exempt boolean, due_on date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN exempt OR due_on IS NULL THEN 'infinity'::date ELSE due_on END
$$;
--> statement-breakpoint
CREATE FUNCTION training_status_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO training_status_tally AS t (department_id, exempt, passed, due_on, required_from, pending_from, leave_date, n)
    SELECT department_id, exempt, NOT exempt AND last_passed_on IS NOT NULL, training_tally_due_on(exempt, due_on), required_from,
           training_tally_pending_from(hire_date, last_passed_on), coalesce(leave_date, 'infinity'::date), count(*)
      FROM new_rows WHERE tallied GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (department_id, exempt, passed, due_on, required_from, pending_from, leave_date) DO UPDATE SET n = t.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE training_status_tally t SET n = t.n - o.n
      FROM (SELECT department_id, exempt, NOT exempt AND last_passed_on IS NOT NULL AS passed, training_tally_due_on(exempt, due_on) AS due_on, required_from,
                   training_tally_pending_from(hire_date, last_passed_on) AS pending_from, coalesce(leave_date, 'infinity'::date) AS leave_date, count(*) AS n
              FROM old_rows WHERE tallied GROUP BY 1, 2, 3, 4, 5, 6, 7) o
     WHERE (t.department_id, t.exempt, t.passed, t.due_on, t.required_from, t.pending_from, t.leave_date)
         = (o.department_id, o.exempt, o.passed, o.due_on, o.required_from, o.pending_from, o.leave_date);
  ELSE
    INSERT INTO training_status_tally AS t (department_id, exempt, passed, due_on, required_from, pending_from, leave_date, n)
    SELECT department_id, exempt, passed, due_on, required_from, pending_from, leave_date, sum(delta)
      FROM (
        SELECT department_id, exempt, NOT exempt AND last_passed_on IS NOT NULL AS passed, training_tally_due_on(exempt, due_on) AS due_on, required_from,
               training_tally_pending_from(hire_date, last_passed_on) AS pending_from, coalesce(leave_date, 'infinity'::date) AS leave_date, -1 AS delta
          FROM old_rows WHERE tallied
        UNION ALL
        SELECT department_id, exempt, NOT exempt AND last_passed_on IS NOT NULL, training_tally_due_on(exempt, due_on), required_from,
               training_tally_pending_from(hire_date, last_passed_on), coalesce(leave_date, 'infinity'::date), 1
          FROM new_rows WHERE tallied
      ) d
     GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(delta) <> 0
    ON CONFLICT (department_id, exempt, passed, due_on, required_from, pending_from, leave_date) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM training_status_tally WHERE n = 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_status_tally_insert AFTER INSERT ON training_current_status
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_status_tally_changed();
--> statement-breakpoint
CREATE TRIGGER training_status_tally_update AFTER UPDATE ON training_current_status
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_status_tally_changed();
--> statement-breakpoint
CREATE TRIGGER training_status_tally_delete AFTER DELETE ON training_current_status
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_status_tally_changed();
--> statement-breakpoint
-- Rebuilds the rows of the given employees and/or courses (null: all) from the tables themselves.
-- Every maintaining trigger first takes this transaction-level lock: training writes that touch the
-- table run one after another, so each recomputation sees every earlier write committed (no lost update
-- between, say, a record retired in one transaction and another recorded in a second).
CREATE FUNCTION training_current_status_lock() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(7340126601)
$$;
--> statement-breakpoint
CREATE FUNCTION training_current_status_refresh(emp_ids integer[], course_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_current_status_lock();
  DELETE FROM training_current_status s
   WHERE (emp_ids IS NULL OR s.employee_id IN (SELECT unnest(emp_ids)))
     AND (course_ids IS NULL OR s.course_id IN (SELECT unnest(course_ids)));
  INSERT INTO training_current_status (employee_id, course_id, department_id, hire_date, leave_date, required_from, exempt, last_passed_on, due_on, tallied)
  SELECT e.id, c.id, e.department_id, e.hire_date, e.leave_date, c.required_from, training_exempt(e.exemption_reason), lp.last_passed_on,
         training_due_on(lp.last_passed_on, c.recurrence_months, e.hire_date, c.required_from, c.new_hire_due_days),
         e.leave_date IS NULL OR e.leave_date >= training_tokyo_today()
    FROM employees e
    JOIN courses c
      ON c.retired_at IS NULL
     AND training_required(c.audience_all, c.audience_department_ids, c.audience_employment_types, e.department_id, e.employment_type::text)
    LEFT JOIN LATERAL (
      SELECT max(r.completed_on) AS last_passed_on FROM training_records r
       WHERE r.employee_id = e.id AND r.course_id = c.id AND r.passed AND r.retired_at IS NULL
    ) lp ON true
   WHERE e.retired_at IS NULL
     AND (emp_ids IS NULL OR e.id IN (SELECT unnest(emp_ids)))
     AND (course_ids IS NULL OR c.id IN (SELECT unnest(course_ids)));
END
$$;
--> statement-breakpoint
-- New records can only move the latest passing completion forward: no need to read the others.
CREATE FUNCTION training_records_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_current_status_lock();
  UPDATE training_current_status s
     SET last_passed_on = n.last_passed,
         due_on = training_due_on(n.last_passed, c.recurrence_months, s.hire_date, c.required_from, c.new_hire_due_days)
    FROM (SELECT employee_id, course_id, max(completed_on) AS last_passed FROM new_rows
           WHERE passed AND retired_at IS NULL GROUP BY employee_id, course_id) n
    JOIN courses c ON c.id = n.course_id
   WHERE s.employee_id = n.employee_id AND s.course_id = n.course_id
     AND (s.last_passed_on IS NULL OR n.last_passed > s.last_passed_on);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An edit, retirement or restoration (or a removal) can move it either way: read the pair's live passing records again.
CREATE FUNCTION training_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_current_status_lock();
  UPDATE training_current_status s
     SET last_passed_on = x.last_passed,
         due_on = training_due_on(x.last_passed, c.recurrence_months, s.hire_date, c.required_from, c.new_hire_due_days)
    FROM (SELECT p.employee_id, p.course_id,
                 (SELECT max(r.completed_on) FROM training_records r
                   WHERE r.employee_id = p.employee_id AND r.course_id = p.course_id AND r.passed AND r.retired_at IS NULL) AS last_passed
            FROM (SELECT employee_id, course_id FROM old_rows
                  UNION SELECT employee_id, course_id FROM new_rows) p) x
    JOIN courses c ON c.id = x.course_id
   WHERE s.employee_id = x.employee_id AND s.course_id = x.course_id
     AND s.last_passed_on IS DISTINCT FROM x.last_passed;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION training_records_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_current_status_lock();
  UPDATE training_current_status s
     SET last_passed_on = x.last_passed,
         due_on = training_due_on(x.last_passed, c.recurrence_months, s.hire_date, c.required_from, c.new_hire_due_days)
    FROM (SELECT p.employee_id, p.course_id,
                 (SELECT max(r.completed_on) FROM training_records r
                   WHERE r.employee_id = p.employee_id AND r.course_id = p.course_id AND r.passed AND r.retired_at IS NULL) AS last_passed
            FROM (SELECT DISTINCT employee_id, course_id FROM old_rows) p) x
    JOIN courses c ON c.id = x.course_id
   WHERE s.employee_id = x.employee_id AND s.course_id = x.course_id
     AND s.last_passed_on IS DISTINCT FROM x.last_passed;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_records_status_insert AFTER INSERT ON training_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_records_inserted();
--> statement-breakpoint
CREATE TRIGGER training_records_status_update AFTER UPDATE ON training_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_records_changed();
--> statement-breakpoint
CREATE TRIGGER training_records_status_delete AFTER DELETE ON training_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_records_removed();
--> statement-breakpoint
-- Employees: new ones, and those whose department, employment type, hire or leave date, exemption or
-- retirement changed (a name or e-mail edit touches nothing here).
CREATE FUNCTION training_employees_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids integer[];
BEGIN
  SELECT array_agg(id) INTO ids FROM new_rows;
  IF ids IS NOT NULL THEN PERFORM training_current_status_refresh(ids, NULL); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION training_employees_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids integer[];
BEGIN
  SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (n.department_id, n.employment_type, n.hire_date, n.leave_date, n.exemption_reason, n.retired_at)
         IS DISTINCT FROM (o.department_id, o.employment_type, o.hire_date, o.leave_date, o.exemption_reason, o.retired_at);
  IF ids IS NOT NULL THEN PERFORM training_current_status_refresh(ids, NULL); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_employees_status_insert AFTER INSERT ON employees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_employees_inserted();
--> statement-breakpoint
CREATE TRIGGER training_employees_status_update AFTER UPDATE ON employees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_employees_updated();
--> statement-breakpoint
-- Courses: new ones, and those whose audience, recurrence, grace days, requiredFrom or retirement changed.
CREATE FUNCTION training_courses_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids integer[];
BEGIN
  SELECT array_agg(id) INTO ids FROM new_rows;
  IF ids IS NOT NULL THEN PERFORM training_current_status_refresh(NULL, ids); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION training_courses_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids integer[];
BEGIN
  SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (n.audience_all, n.audience_department_ids, n.audience_employment_types, n.recurrence_months, n.new_hire_due_days, n.required_from, n.retired_at)
         IS DISTINCT FROM (o.audience_all, o.audience_department_ids, o.audience_employment_types, o.recurrence_months, o.new_hire_due_days, o.required_from, o.retired_at);
  IF ids IS NOT NULL THEN PERFORM training_current_status_refresh(NULL, ids); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_courses_status_insert AFTER INSERT ON courses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_courses_inserted();
--> statement-breakpoint
CREATE TRIGGER training_courses_status_update AFTER UPDATE ON courses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_courses_updated();
--> statement-breakpoint
-- The databases that already hold records.
SELECT training_current_status_refresh(NULL, NULL);
