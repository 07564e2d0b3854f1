CREATE TYPE "public"."regulation_status" AS ENUM('draft', 'in_force', 'retired');--> statement-breakpoint
CREATE TYPE "public"."regulation_review_outcome" AS ENUM('no_change', 'revised', 'retired');--> statement-breakpoint
CREATE TYPE "public"."regulation_review_state" AS ENUM('draft', 'approved');--> statement-breakpoint
CREATE TYPE "public"."regulation_review_trigger" AS ENUM('periodic', 'law_amendment', 'incident', 'audit_finding');--> statement-breakpoint
CREATE TABLE "pms_appointments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pms_appointments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"post_id" integer NOT NULL,
	"user_id" integer,
	"employee_id" integer,
	"from_date" date NOT NULL,
	"to_date" date,
	"note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pms_appointments_one_person" CHECK (("pms_appointments"."user_id" is null) <> ("pms_appointments"."employee_id" is null)),
	CONSTRAINT "pms_appointments_term" CHECK ("pms_appointments"."to_date" is null or "pms_appointments"."to_date" >= "pms_appointments"."from_date")
);
--> statement-breakpoint
CREATE TABLE "pms_posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pms_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"title" text NOT NULL,
	"department_id" integer,
	"description" text,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regulation_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"regulation_id" integer NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewers" text NOT NULL,
	"trigger" "regulation_review_trigger" NOT NULL,
	"outcome" "regulation_review_outcome" NOT NULL,
	"summary" text,
	"proposed_version" integer,
	"proposed_effective_date" date,
	"minutes" text,
	"state" "regulation_review_state" DEFAULT 'draft' NOT NULL,
	"recorded_by" integer,
	"approved_by" integer,
	"approved_on" date,
	"approved_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_reviews_approved_has_approver" CHECK ("regulation_reviews"."state" = 'draft' or ("regulation_reviews"."approved_by" is not null and "regulation_reviews"."approved_on" is not null)),
	CONSTRAINT "regulation_reviews_revised_has_version" CHECK ("regulation_reviews"."outcome" <> 'revised' or "regulation_reviews"."proposed_version" is not null)
);
--> statement-breakpoint
CREATE TABLE "regulation_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regulation_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"regulation_id" integer NOT NULL,
	"version_number" integer NOT NULL,
	"effective_date" date NOT NULL,
	"summary" text NOT NULL,
	"review_id" integer,
	"approved_by" integer,
	"approved_by_name" text,
	"approved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_versions_positive" CHECK ("regulation_versions"."version_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "regulations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regulations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_user_id" integer,
	"owner_name" text,
	"current_version" integer,
	"effective_date" date NOT NULL,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"last_reviewed_on" date,
	"next_review_due" date,
	"status" "regulation_status" DEFAULT 'draft' NOT NULL,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulations_interval_range" CHECK ("regulations"."review_interval_months" between 1 and 120),
	CONSTRAINT "regulations_version_positive" CHECK ("regulations"."current_version" is null or "regulations"."current_version" >= 1),
	CONSTRAINT "regulations_in_force_has_version" CHECK ("regulations"."status" = 'draft' or "regulations"."current_version" is not null)
);
--> statement-breakpoint
ALTER TABLE "pms_appointments" ADD CONSTRAINT "pms_appointments_post_id_pms_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."pms_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pms_appointments" ADD CONSTRAINT "pms_appointments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pms_appointments" ADD CONSTRAINT "pms_appointments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pms_posts" ADD CONSTRAINT "pms_posts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_reviews" ADD CONSTRAINT "regulation_reviews_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_reviews" ADD CONSTRAINT "regulation_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_reviews" ADD CONSTRAINT "regulation_reviews_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_versions" ADD CONSTRAINT "regulation_versions_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_versions" ADD CONSTRAINT "regulation_versions_review_id_regulation_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."regulation_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_versions" ADD CONSTRAINT "regulation_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulations" ADD CONSTRAINT "regulations_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pms_appointments_post_idx" ON "pms_appointments" USING btree ("post_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "pms_posts_code_idx" ON "pms_posts" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "pms_posts_department_idx" ON "pms_posts" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "regulation_reviews_regulation_idx" ON "regulation_reviews" USING btree ("regulation_id","reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_reviews_one_draft_idx" ON "regulation_reviews" USING btree ("regulation_id") WHERE "regulation_reviews"."state" = 'draft' and "regulation_reviews"."retired_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_versions_number_idx" ON "regulation_versions" USING btree ("regulation_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "regulations_code_idx" ON "regulations" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "regulations_status_due_idx" ON "regulations" USING btree ("status","next_review_due");--> statement-breakpoint
CREATE INDEX "regulations_owner_idx" ON "regulations" USING btree ("owner_user_id");