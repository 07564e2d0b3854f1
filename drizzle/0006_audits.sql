CREATE TYPE "public"."audit_status" AS ENUM('planned', 'in_progress', 'reported', 'closed');--> statement-breakpoint
CREATE TYPE "public"."audit_type" AS ENUM('conformance', 'operation', 'contractor_onsite', 'pmark_assessment');--> statement-breakpoint
CREATE TYPE "public"."audit_finding_grade" AS ENUM('major_nc', 'minor_nc', 'observation', 'good_practice');--> statement-breakpoint
CREATE TYPE "public"."audit_finding_status" AS ENUM('open', 'action_planned', 'done', 'verified');--> statement-breakpoint
CREATE TYPE "public"."management_review_action_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TABLE "audit_findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"audit_id" integer NOT NULL,
	"clause_ref" text,
	"grade" "audit_finding_grade" NOT NULL,
	"department_id" integer,
	"description" text NOT NULL,
	"corrective_action" text,
	"owner_user_id" integer,
	"owner_name" text,
	"due_date" date,
	"status" "audit_finding_status" DEFAULT 'open' NOT NULL,
	"done_on" date,
	"verified_on" date,
	"verified_by" integer,
	"verification_note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_findings_verified_has_verifier" CHECK ("audit_findings"."status" <> 'verified' or ("audit_findings"."verified_on" is not null and "audit_findings"."verified_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "audit_team_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_team_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"audit_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"fiscal_year" integer NOT NULL,
	"type" "audit_type" NOT NULL,
	"title" text NOT NULL,
	"scope_department_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"scope_clauses" text[] DEFAULT '{}'::text[] NOT NULL,
	"auditee" text,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	"lead_auditor_id" integer,
	"status" "audit_status" DEFAULT 'planned' NOT NULL,
	"summary" text,
	"reported_on" date,
	"closed_on" date,
	"created_by" integer,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audits_fy_range" CHECK ("audits"."fiscal_year" between 2000 and 2100),
	CONSTRAINT "audits_planned_range" CHECK ("audits"."planned_end" >= "audits"."planned_start"),
	CONSTRAINT "audits_actual_range" CHECK ("audits"."actual_end" is null or "audits"."actual_start" is null or "audits"."actual_end" >= "audits"."actual_start"),
	CONSTRAINT "audits_closed_has_date" CHECK ("audits"."status" <> 'closed' or "audits"."closed_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "management_review_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "management_review_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"review_id" integer NOT NULL,
	"description" text NOT NULL,
	"owner_user_id" integer,
	"owner_name" text,
	"due_date" date,
	"status" "management_review_action_status" DEFAULT 'open' NOT NULL,
	"done_on" date,
	"note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_review_actions_done_has_date" CHECK ("management_review_actions"."status" <> 'done' or "management_review_actions"."done_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "management_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "management_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"fiscal_year" integer NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"participants" text NOT NULL,
	"input_audit_results" text,
	"input_incidents" text,
	"input_training" text,
	"input_contractors" text,
	"input_law_changes" text,
	"input_other" text,
	"decisions" text,
	"created_by" integer,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_reviews_fy_range" CHECK ("management_reviews"."fiscal_year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "pmark_certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pmark_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"certificate_number" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pmark_certificates_range" CHECK ("pmark_certificates"."valid_to" > "pmark_certificates"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_team_members" ADD CONSTRAINT "audit_team_members_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_team_members" ADD CONSTRAINT "audit_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_lead_auditor_id_users_id_fk" FOREIGN KEY ("lead_auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_actions" ADD CONSTRAINT "management_review_actions_review_id_management_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."management_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_actions" ADD CONSTRAINT "management_review_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_findings_audit_idx" ON "audit_findings" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "audit_findings_grade_status_idx" ON "audit_findings" USING btree ("grade","status");--> statement-breakpoint
CREATE INDEX "audit_findings_department_idx" ON "audit_findings" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "audit_findings_due_idx" ON "audit_findings" USING btree ("status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_team_members_active_idx" ON "audit_team_members" USING btree ("audit_id","user_id") WHERE "audit_team_members"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "audit_team_members_user_idx" ON "audit_team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audits_fy_status_idx" ON "audits" USING btree ("fiscal_year","status");--> statement-breakpoint
CREATE INDEX "audits_planned_start_idx" ON "audits" USING btree ("planned_start");--> statement-breakpoint
CREATE INDEX "audits_type_idx" ON "audits" USING btree ("type");--> statement-breakpoint
CREATE INDEX "audits_lead_idx" ON "audits" USING btree ("lead_auditor_id");--> statement-breakpoint
CREATE INDEX "management_review_actions_review_idx" ON "management_review_actions" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "management_review_actions_due_idx" ON "management_review_actions" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "management_reviews_fy_idx" ON "management_reviews" USING btree ("fiscal_year","held_on");--> statement-breakpoint
CREATE INDEX "pmark_certificates_valid_to_idx" ON "pmark_certificates" USING btree ("valid_to");