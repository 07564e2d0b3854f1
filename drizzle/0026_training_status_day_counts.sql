CREATE TABLE "training_status_day_counts" (
	"as_of" date NOT NULL,
	"course_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "training_status_day_counts_as_of_course_id_department_id_status_pk" PRIMARY KEY("as_of","course_id","department_id","status")
);
--> statement-breakpoint
CREATE TABLE "training_status_days" (
	"as_of" date PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_status_day_counts" ADD CONSTRAINT "training_status_day_counts_as_of_training_status_days_as_of_fk" FOREIGN KEY ("as_of") REFERENCES "public"."training_status_days"("as_of") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_current_status_due_idx" ON "training_current_status" USING btree ("due_on") WHERE not "training_current_status"."exempt";--> statement-breakpoint
-- The status summary's stored days (db/schema/training.ts trainingStatusDays): a statement that
-- changes rows of training_current_status — a record, an employee or a course written — forgets them
-- all in the same transaction (one that changes none, e.g. a record's note edited, keeps them). Every
-- write that changes the table holds the training lock (training_current_status_lock) by then, which
-- db/queries/training-status.ts also takes before it stores a day: a day is never stored from counts a
-- concurrent write has made stale.
CREATE FUNCTION training_status_days_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN
    DELETE FROM training_status_days;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION training_status_days_forget_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM training_status_days;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER training_status_days_insert AFTER INSERT ON training_current_status
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION training_status_days_forget();
--> statement-breakpoint
CREATE TRIGGER training_status_days_update AFTER UPDATE ON training_current_status
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION training_status_days_forget();
--> statement-breakpoint
CREATE TRIGGER training_status_days_delete AFTER DELETE ON training_current_status
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION training_status_days_forget();
--> statement-breakpoint
CREATE TRIGGER training_status_days_truncate AFTER TRUNCATE ON training_current_status
  FOR EACH STATEMENT EXECUTE FUNCTION training_status_days_forget_all();
