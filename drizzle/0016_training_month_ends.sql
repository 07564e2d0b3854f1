CREATE TABLE "training_month_end_counts" (
	"as_of" date NOT NULL,
	"department_id" integer NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "training_month_end_counts_as_of_department_id_status_pk" PRIMARY KEY("as_of","department_id","status")
);
--> statement-breakpoint
CREATE TABLE "training_month_end_days" (
	"as_of" date PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_month_end_counts" ADD CONSTRAINT "training_month_end_counts_as_of_training_month_end_days_as_of_fk" FOREIGN KEY ("as_of") REFERENCES "public"."training_month_end_days"("as_of") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The score's stored month ends (db/schema/training.ts trainingMonthEndDays, docs/architecture.md):
-- a stored day's counts depend on the live passing records dated on or before it, on the employees
-- (hired by it, not left or retired before it, department, type, exemption) and on the courses
-- (required by it, audience, recurrence, grace days). Each write deletes the stored days from the
-- earliest one it can change, under the training lock (training_current_status_lock), which
-- db/queries/dashboard/training.ts also takes before it fills a missing day: a fill never stores
-- counts that a concurrent write has made stale.
CREATE FUNCTION training_month_ends_forget(since date) RETURNS void LANGUAGE sql AS $$
  DELETE FROM training_month_end_days WHERE as_of >= since
$$;
--> statement-breakpoint
CREATE FUNCTION training_tokyo_date(t timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (t AT TIME ZONE 'Asia/Tokyo')::date
$$;
--> statement-breakpoint
-- A record counts from its completion day on, while it is passed and live.
CREATE FUNCTION training_month_ends_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE since date;
BEGIN
  PERFORM training_current_status_lock();
  IF TG_OP = 'INSERT' THEN
    SELECT min(completed_on) INTO since FROM new_rows WHERE passed AND retired_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT min(completed_on) INTO since FROM old_rows WHERE passed AND retired_at IS NULL;
  ELSE
    SELECT min(least(CASE WHEN o.passed AND o.retired_at IS NULL THEN o.completed_on END,
                     CASE WHEN n.passed AND n.retired_at IS NULL THEN n.completed_on END)) INTO since
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.employee_id, o.course_id, o.completed_on, o.passed AND o.retired_at IS NULL)
           IS DISTINCT FROM (n.employee_id, n.course_id, n.completed_on, n.passed AND n.retired_at IS NULL);
  END IF;
  PERFORM training_month_ends_forget(since);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_month_ends_records_insert AFTER INSERT ON training_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_records_changed();
--> statement-breakpoint
CREATE TRIGGER training_month_ends_records_update AFTER UPDATE ON training_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_records_changed();
--> statement-breakpoint
CREATE TRIGGER training_month_ends_records_delete AFTER DELETE ON training_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_records_changed();
--> statement-breakpoint
-- An employee counts from the hire date on; a retirement (or its undoing) changes the days from the
-- earlier of the two retirement days on. A name or e-mail edit changes nothing.
CREATE FUNCTION training_month_ends_employees_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE since date;
BEGIN
  PERFORM training_current_status_lock();
  IF TG_OP = 'INSERT' THEN
    SELECT min(hire_date) INTO since FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT min(hire_date) INTO since FROM old_rows;
  ELSE
    SELECT min(CASE
             WHEN (o.department_id, o.employment_type, o.hire_date, o.leave_date, training_exempt(o.exemption_reason))
                  IS DISTINCT FROM (n.department_id, n.employment_type, n.hire_date, n.leave_date, training_exempt(n.exemption_reason))
               THEN least(o.hire_date, n.hire_date)
             WHEN o.retired_at IS DISTINCT FROM n.retired_at
               THEN least(training_tokyo_date(o.retired_at), training_tokyo_date(n.retired_at))
           END) INTO since
      FROM old_rows o JOIN new_rows n ON n.id = o.id;
  END IF;
  PERFORM training_month_ends_forget(since);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_month_ends_employees_insert AFTER INSERT ON employees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_employees_changed();
--> statement-breakpoint
CREATE TRIGGER training_month_ends_employees_update AFTER UPDATE ON employees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_employees_changed();
--> statement-breakpoint
CREATE TRIGGER training_month_ends_employees_delete AFTER DELETE ON employees
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_employees_changed();
--> statement-breakpoint
-- A course counts from its requiredFrom on; its retirement as an employee's.
CREATE FUNCTION training_month_ends_courses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE since date;
BEGIN
  PERFORM training_current_status_lock();
  IF TG_OP = 'INSERT' THEN
    SELECT min(required_from) INTO since FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT min(required_from) INTO since FROM old_rows;
  ELSE
    SELECT min(CASE
             WHEN (o.audience_all, o.audience_department_ids, o.audience_employment_types, o.recurrence_months, o.new_hire_due_days, o.required_from)
                  IS DISTINCT FROM (n.audience_all, n.audience_department_ids, n.audience_employment_types, n.recurrence_months, n.new_hire_due_days, n.required_from)
               THEN least(o.required_from, n.required_from)
             WHEN o.retired_at IS DISTINCT FROM n.retired_at
               THEN least(training_tokyo_date(o.retired_at), training_tokyo_date(n.retired_at))
           END) INTO since
      FROM old_rows o JOIN new_rows n ON n.id = o.id;
  END IF;
  PERFORM training_month_ends_forget(since);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_month_ends_courses_insert AFTER INSERT ON courses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_courses_changed();
--> statement-breakpoint
CREATE TRIGGER training_month_ends_courses_update AFTER UPDATE ON courses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_courses_changed();
--> statement-breakpoint
CREATE TRIGGER training_month_ends_courses_delete AFTER DELETE ON courses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_month_ends_courses_changed();
