CREATE TYPE "public"."incident_category" AS ENUM('unauthorized_access', 'loss', 'destruction', 'tampering', 'leakage', 'misdirected', 'other');--> statement-breakpoint
CREATE TYPE "public"."incident_severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('reported', 'investigating', 'contained', 'resolved', 'closed');--> statement-breakpoint
CREATE TABLE "incident_corrective_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incident_corrective_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"incident_id" integer NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_counters" (
	"fiscal_year" integer PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_transitions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incident_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"incident_id" integer NOT NULL,
	"from_status" "incident_status",
	"to_status" "incident_status" NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"category" "incident_category" NOT NULL,
	"occurred_at" timestamp with time zone,
	"discovered_at" timestamp with time zone NOT NULL,
	"reporter_id" integer,
	"reporter_name" text NOT NULL,
	"department_id" integer,
	"description" text NOT NULL,
	"data_involved" text,
	"persons_affected" integer DEFAULT 0 NOT NULL,
	"sensitive_data" boolean DEFAULT false NOT NULL,
	"financial_loss" boolean DEFAULT false NOT NULL,
	"wrongful_purpose" boolean DEFAULT false NOT NULL,
	"encrypted" boolean DEFAULT false NOT NULL,
	"severity" "incident_severity" DEFAULT 'medium' NOT NULL,
	"status" "incident_status" DEFAULT 'reported' NOT NULL,
	"containment" text,
	"report_overview" text,
	"report_data_items" text,
	"report_persons" text,
	"report_cause" text,
	"report_secondary_risk" text,
	"report_response_to_persons" text,
	"report_publication" text,
	"report_recurrence_measures" text,
	"report_other" text,
	"ppc_preliminary_reported_on" date,
	"ppc_final_reported_on" date,
	"pmark_preliminary_reported_on" date,
	"pmark_final_reported_on" date,
	"persons_notified_on" date,
	"closed_approved_by" integer,
	"closed_approved_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_persons_nonneg" CHECK ("incidents"."persons_affected" >= 0),
	CONSTRAINT "incidents_seq_positive" CHECK ("incidents"."seq" > 0),
	CONSTRAINT "incidents_occurred_before_discovered" CHECK ("incidents"."occurred_at" is null or "incidents"."occurred_at" <= "incidents"."discovered_at"),
	CONSTRAINT "incidents_closed_approved" CHECK ("incidents"."status" <> 'closed' or ("incidents"."closed_approved_by" is not null and "incidents"."closed_approved_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "incident_corrective_actions" ADD CONSTRAINT "incident_corrective_actions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_transitions" ADD CONSTRAINT "incident_transitions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_transitions" ADD CONSTRAINT "incident_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_closed_approved_by_users_id_fk" FOREIGN KEY ("closed_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_corrective_actions_incident_idx" ON "incident_corrective_actions" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_transitions_incident_idx" ON "incident_transitions" USING btree ("incident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_reference_idx" ON "incidents" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_fy_seq_idx" ON "incidents" USING btree ("fiscal_year","seq");--> statement-breakpoint
CREATE INDEX "incidents_status_idx" ON "incidents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "incidents_category_idx" ON "incidents" USING btree ("category");--> statement-breakpoint
CREATE INDEX "incidents_severity_idx" ON "incidents" USING btree ("severity");--> statement-breakpoint
CREATE INDEX "incidents_discovered_idx" ON "incidents" USING btree ("discovered_at");