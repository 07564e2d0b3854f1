CREATE TABLE "training_readiness_counts" (
	"as_of" date NOT NULL,
	"employment_type" text NOT NULL,
	"workers" integer NOT NULL,
	"covered" integer NOT NULL,
	"compliant" integer NOT NULL,
	"due_soon" integer NOT NULL,
	"overdue" integer NOT NULL,
	"exempt" integer NOT NULL,
	CONSTRAINT "training_readiness_counts_as_of_employment_type_pk" PRIMARY KEY("as_of","employment_type")
);
--> statement-breakpoint
CREATE TABLE "training_readiness_days" (
	"as_of" date PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_readiness_counts" ADD CONSTRAINT "training_readiness_counts_as_of_training_readiness_days_as_of_fk" FOREIGN KEY ("as_of") REFERENCES "public"."training_readiness_days"("as_of") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Renewal readiness's stored days (db/schema/training.ts trainingReadinessDays) depend on exactly what
-- the score's month ends do — the live passing records dated on or before the day, the employees and the
-- courses as of it — so the month-end triggers (migration 0016), which take the training lock and call
-- this function with the earliest day a write can change, forget them too, in the same transaction.
-- db/queries/renewal-readiness.ts stores a day under the same lock.
CREATE OR REPLACE FUNCTION training_month_ends_forget(since date) RETURNS void LANGUAGE sql AS $$
  DELETE FROM training_month_end_days WHERE as_of >= since;
  DELETE FROM training_readiness_days WHERE as_of >= since;
$$;
