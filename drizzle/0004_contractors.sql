CREATE TYPE "public"."assessment_result" AS ENUM('approved', 'conditional', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."assessment_type" AS ENUM('initial', 'periodic', 'ad_hoc');--> statement-breakpoint
CREATE TYPE "public"."certification_kind" AS ENUM('pmark', 'isms', 'other');--> statement-breakpoint
CREATE TYPE "public"."contractor_status" AS ENUM('candidate', 'approved', 'conditional', 'suspended', 'terminated');--> statement-breakpoint
CREATE TABLE "assessment_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"family" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"max_score" integer DEFAULT 5 NOT NULL,
	"approved_min" integer NOT NULL,
	"conditional_min" integer NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_templates_thresholds" CHECK (0 <= "assessment_templates"."conditional_min" and "assessment_templates"."conditional_min" <= "assessment_templates"."approved_min" and "assessment_templates"."approved_min" <= 100),
	CONSTRAINT "assessment_templates_max_score" CHECK ("assessment_templates"."max_score" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contractor_id" integer NOT NULL,
	"template_id" integer NOT NULL,
	"type" "assessment_type" NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total_percent" double precision NOT NULL,
	"result" "assessment_result" NOT NULL,
	"conditions" text,
	"next_due_on" date NOT NULL,
	"evidence" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"recorded_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_total_range" CHECK ("assessments"."total_percent" between 0 and 100),
	CONSTRAINT "assessments_next_due_after" CHECK ("assessments"."next_due_on" > "assessments"."assessed_on")
);
--> statement-breakpoint
CREATE TABLE "contractor_certifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contractor_certifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contractor_id" integer NOT NULL,
	"kind" "certification_kind" NOT NULL,
	"number" text NOT NULL,
	"expires_on" date,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contractors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contractors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"corporate_number" text,
	"services" text NOT NULL,
	"data_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_volume" integer,
	"contract_start" date,
	"contract_end" date,
	"status" "contractor_status" DEFAULT 'candidate' NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"reassessment_months" integer,
	"note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contractors_corporate_number_format" CHECK ("contractors"."corporate_number" is null or "contractors"."corporate_number" ~ '^[0-9]{13}$'),
	CONSTRAINT "contractors_contract_end_after_start" CHECK ("contractors"."contract_end" is null or "contractors"."contract_start" is null or "contractors"."contract_end" >= "contractors"."contract_start"),
	CONSTRAINT "contractors_reassessment_range" CHECK ("contractors"."reassessment_months" is null or ("contractors"."reassessment_months" between 1 and 60)),
	CONSTRAINT "contractors_data_volume_nonneg" CHECK ("contractors"."data_volume" is null or "contractors"."data_volume" >= 0)
);
--> statement-breakpoint
ALTER TABLE "assessment_templates" ADD CONSTRAINT "assessment_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_template_id_assessment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."assessment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_certifications" ADD CONSTRAINT "contractor_certifications_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_templates_family_version_idx" ON "assessment_templates" USING btree ("family","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_templates_current_idx" ON "assessment_templates" USING btree ("family") WHERE "assessment_templates"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "assessments_contractor_idx" ON "assessments" USING btree ("contractor_id","assessed_on");--> statement-breakpoint
CREATE INDEX "assessments_next_due_idx" ON "assessments" USING btree ("next_due_on");--> statement-breakpoint
CREATE INDEX "contractor_certifications_contractor_idx" ON "contractor_certifications" USING btree ("contractor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contractors_corporate_number_idx" ON "contractors" USING btree ("corporate_number") WHERE "contractors"."corporate_number" is not null;--> statement-breakpoint
CREATE INDEX "contractors_status_idx" ON "contractors" USING btree ("status");