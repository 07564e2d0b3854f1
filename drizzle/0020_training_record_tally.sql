CREATE TABLE "training_record_tally" (
	"completed_on" date NOT NULL,
	"course_id" integer NOT NULL,
	"passed" boolean NOT NULL,
	"method" "training_method" NOT NULL,
	"source" "record_source" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "training_record_tally_pk" PRIMARY KEY("completed_on","course_id","passed","method","source")
);
--> statement-breakpoint
-- training_record_tally (db/schema/training.ts): live records only; a retirement or restoration moves
-- the record out of or into its key like any other edit.
CREATE FUNCTION training_record_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO training_record_tally AS t (completed_on, course_id, passed, method, source, n)
    SELECT completed_on, course_id, passed, method, source, count(*) FROM new_rows WHERE retired_at IS NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (completed_on, course_id, passed, method, source) DO UPDATE SET n = t.n + excluded.n;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE training_record_tally t SET n = t.n - o.n
      FROM (SELECT completed_on, course_id, passed, method, source, count(*) AS n FROM old_rows WHERE retired_at IS NULL GROUP BY 1, 2, 3, 4, 5) o
     WHERE (t.completed_on, t.course_id, t.passed, t.method, t.source) = (o.completed_on, o.course_id, o.passed, o.method, o.source);
  ELSE
    INSERT INTO training_record_tally AS t (completed_on, course_id, passed, method, source, n)
    SELECT completed_on, course_id, passed, method, source, sum(delta) FROM (
      SELECT completed_on, course_id, passed, method, source, -1 AS delta FROM old_rows WHERE retired_at IS NULL
      UNION ALL
      SELECT completed_on, course_id, passed, method, source, 1 FROM new_rows WHERE retired_at IS NULL
    ) x GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0
    ON CONFLICT (completed_on, course_id, passed, method, source) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  DELETE FROM training_record_tally t USING (SELECT DISTINCT completed_on, course_id, passed, method, source FROM old_rows) o
   WHERE t.n = 0 AND (t.completed_on, t.course_id, t.passed, t.method, t.source) = (o.completed_on, o.course_id, o.passed, o.method, o.source);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_record_tally_insert AFTER INSERT ON training_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_record_tally_changed();
--> statement-breakpoint
CREATE TRIGGER training_record_tally_update AFTER UPDATE ON training_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_record_tally_changed();
--> statement-breakpoint
CREATE TRIGGER training_record_tally_delete AFTER DELETE ON training_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_record_tally_changed();
--> statement-breakpoint
INSERT INTO training_record_tally (completed_on, course_id, passed, method, source, n)
SELECT completed_on, course_id, passed, method, source, count(*) FROM training_records WHERE retired_at IS NULL GROUP BY 1, 2, 3, 4, 5;
