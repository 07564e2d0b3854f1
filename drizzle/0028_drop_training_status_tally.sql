-- training_status_tally (migration 0010) has not been read since 0026 (the reads count a day from
-- training_status_day_counts): its triggers, their functions, the tally itself and the `tallied` flag of
-- training_current_status that only decided what it counted go. The rebuild function is the same as in
-- 0010 but for that flag.
DROP TRIGGER "training_status_tally_insert" ON "training_current_status";
--> statement-breakpoint
DROP TRIGGER "training_status_tally_update" ON "training_current_status";
--> statement-breakpoint
DROP TRIGGER "training_status_tally_delete" ON "training_current_status";
--> statement-breakpoint
DROP FUNCTION "training_status_tally_changed"();
--> statement-breakpoint
DROP FUNCTION "training_tally_pending_from"(date, date);
--> statement-breakpoint
DROP FUNCTION "training_tally_due_on"(boolean, date);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION training_current_status_refresh(emp_ids integer[], course_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM training_current_status_lock();
  DELETE FROM training_current_status s
   WHERE (emp_ids IS NULL OR s.employee_id IN (SELECT unnest(emp_ids)))
     AND (course_ids IS NULL OR s.course_id IN (SELECT unnest(course_ids)));
  INSERT INTO training_current_status (employee_id, course_id, department_id, hire_date, leave_date, required_from, exempt, last_passed_on, due_on)
  SELECT e.id, c.id, e.department_id, e.hire_date, e.leave_date, c.required_from, training_exempt(e.exemption_reason), lp.last_passed_on,
         training_due_on(lp.last_passed_on, c.recurrence_months, e.hire_date, c.required_from, c.new_hire_due_days)
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
DROP TABLE "training_status_tally" CASCADE;--> statement-breakpoint
ALTER TABLE "training_current_status" DROP COLUMN "tallied";
