CREATE TYPE "public"."acquisition_method" AS ENUM('direct_written', 'direct_other', 'third_party');--> statement-breakpoint
CREATE TYPE "public"."data_form" AS ENUM('electronic', 'paper', 'both');--> statement-breakpoint
CREATE TYPE "public"."lifecycle_stage" AS ENUM('acquisition', 'transfer', 'use', 'storage', 'disposal');--> statement-breakpoint
CREATE TYPE "public"."provision_kind" AS ENUM('none', 'third_party', 'joint_use', 'both');--> statement-breakpoint
CREATE TYPE "public"."register_kind" AS ENUM('personal', 'sensitive', 'person_related', 'pseudonymized', 'anonymized');--> statement-breakpoint
CREATE TYPE "public"."register_review_result" AS ENUM('no_change', 'changed', 'retired');--> statement-breakpoint
CREATE TYPE "public"."risk_threat" AS ENUM('leak', 'loss', 'damage', 'tampering', 'misuse', 'improper_acquisition', 'other');--> statement-breakpoint
CREATE TABLE "incident_register_items" (
	"incident_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	CONSTRAINT "incident_register_items_incident_id_item_id_pk" PRIMARY KEY("incident_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "purposes_of_use" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "purposes_of_use_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_item_contractors" (
	"item_id" integer NOT NULL,
	"contractor_id" integer NOT NULL,
	CONSTRAINT "register_item_contractors_item_id_contractor_id_pk" PRIMARY KEY("item_id","contractor_id")
);
--> statement-breakpoint
CREATE TABLE "register_item_purposes" (
	"item_id" integer NOT NULL,
	"purpose_id" integer NOT NULL,
	CONSTRAINT "register_item_purposes_item_id_purpose_id_pk" PRIMARY KEY("item_id","purpose_id")
);
--> statement-breakpoint
CREATE TABLE "register_item_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "register_item_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"action" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "register_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "register_kind" DEFAULT 'personal' NOT NULL,
	"data_subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"person_count" integer,
	"form" "data_form" DEFAULT 'electronic' NOT NULL,
	"acquisition_method" "acquisition_method" NOT NULL,
	"notice_or_consent" text,
	"owner_department_id" integer,
	"storage_place" text,
	"storage_method" text,
	"access_scope" text,
	"use_period" text,
	"retention_period" text,
	"disposal_method" text,
	"provision" "provision_kind" DEFAULT 'none' NOT NULL,
	"provision_basis" text,
	"abroad_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_reviewed_on" date,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"next_review_due_on" date NOT NULL,
	"note" text,
	"created_by" integer,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_items_person_count_nonneg" CHECK ("register_items"."person_count" is null or "register_items"."person_count" >= 0),
	CONSTRAINT "register_items_review_interval_range" CHECK ("register_items"."review_interval_months" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "register_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "register_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer,
	"reviewed_on" date NOT NULL,
	"reviewer" text NOT NULL,
	"reviewer_id" integer,
	"result" "register_review_result" NOT NULL,
	"changes" text,
	"risks_reviewed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_risk_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "register_risk_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"risk_id" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"action" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_risks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "register_risks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"stage" "lifecycle_stage" NOT NULL,
	"threat" "risk_threat" NOT NULL,
	"description" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"countermeasures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"residual_likelihood" integer NOT NULL,
	"residual_impact" integer NOT NULL,
	"accepted_on" date,
	"accepted_by" integer,
	"accepted_by_name" text,
	"acceptance_note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_risks_scale" CHECK ("register_risks"."likelihood" between 1 and 5 and "register_risks"."impact" between 1 and 5 and "register_risks"."residual_likelihood" between 1 and 5 and "register_risks"."residual_impact" between 1 and 5),
	CONSTRAINT "register_risks_accepted_has_name" CHECK (("register_risks"."accepted_on" is null) = ("register_risks"."accepted_by_name" is null))
);
--> statement-breakpoint
ALTER TABLE "incident_register_items" ADD CONSTRAINT "incident_register_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_register_items" ADD CONSTRAINT "incident_register_items_item_id_register_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_item_contractors" ADD CONSTRAINT "register_item_contractors_item_id_register_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_item_contractors" ADD CONSTRAINT "register_item_contractors_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_item_purposes" ADD CONSTRAINT "register_item_purposes_item_id_register_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_item_purposes" ADD CONSTRAINT "register_item_purposes_purpose_id_purposes_of_use_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."purposes_of_use"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_item_versions" ADD CONSTRAINT "register_item_versions_item_id_register_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_item_versions" ADD CONSTRAINT "register_item_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_items" ADD CONSTRAINT "register_items_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_items" ADD CONSTRAINT "register_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_reviews" ADD CONSTRAINT "register_reviews_item_id_register_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_reviews" ADD CONSTRAINT "register_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_risk_versions" ADD CONSTRAINT "register_risk_versions_risk_id_register_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."register_risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_risk_versions" ADD CONSTRAINT "register_risk_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_risks" ADD CONSTRAINT "register_risks_item_id_register_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_risks" ADD CONSTRAINT "register_risks_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_register_items_item_idx" ON "incident_register_items" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purposes_of_use_code_idx" ON "purposes_of_use" USING btree ("code");--> statement-breakpoint
CREATE INDEX "register_item_contractors_contractor_idx" ON "register_item_contractors" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "register_item_purposes_purpose_idx" ON "register_item_purposes" USING btree ("purpose_id");--> statement-breakpoint
CREATE UNIQUE INDEX "register_item_versions_idx" ON "register_item_versions" USING btree ("item_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "register_items_code_idx" ON "register_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "register_items_review_due_idx" ON "register_items" USING btree ("next_review_due_on") WHERE "register_items"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "register_items_department_idx" ON "register_items" USING btree ("owner_department_id");--> statement-breakpoint
CREATE INDEX "register_items_kind_idx" ON "register_items" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "register_reviews_item_idx" ON "register_reviews" USING btree ("item_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "register_reviews_date_idx" ON "register_reviews" USING btree ("reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "register_risk_versions_idx" ON "register_risk_versions" USING btree ("risk_id","version");--> statement-breakpoint
CREATE INDEX "register_risks_item_idx" ON "register_risks" USING btree ("item_id","stage");--> statement-breakpoint
CREATE INDEX "register_risks_residual_idx" ON "register_risks" USING btree ("residual_likelihood","residual_impact") WHERE "register_risks"."retired_at" is null;