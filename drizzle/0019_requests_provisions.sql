CREATE TYPE "public"."disclosure_method" AS ENUM('electronic', 'paper', 'other');--> statement-breakpoint
CREATE TYPE "public"."identity_method" AS ENUM('id_document_copy', 'in_person_id', 'registered_details_match', 'agent_authority', 'other');--> statement-breakpoint
CREATE TYPE "public"."provision_direction" AS ENUM('provided', 'received');--> statement-breakpoint
CREATE TYPE "public"."provision_ground" AS ENUM('consent', 'protect_rights', 'vital_interest', 'public_authority', 'law', 'succession', 'outsourcing', 'joint_use');--> statement-breakpoint
CREATE TYPE "public"."provision_record_form" AS ENUM('contract_with_person', 'bulk_continuous', 'individual');--> statement-breakpoint
CREATE TYPE "public"."refusal_ground" AS ENUM('harm_to_person_or_others', 'business_hindrance', 'breach_of_law', 'identity_unconfirmed', 'no_grounds');--> statement-breakpoint
CREATE TYPE "public"."request_channel" AS ENUM('email', 'post', 'in_person', 'web_form');--> statement-breakpoint
CREATE TYPE "public"."request_decision" AS ENUM('comply', 'comply_partly', 'refuse', 'no_data');--> statement-breakpoint
CREATE TYPE "public"."request_kind" AS ENUM('purpose_notice', 'disclosure', 'provision_record_disclosure', 'correction', 'stop_use', 'stop_provision');--> statement-breakpoint
CREATE TABLE "disclosure_request_counters" (
	"fiscal_year" integer PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_request_items" (
	"request_id" integer NOT NULL,
	"register_item_id" integer NOT NULL,
	CONSTRAINT "disclosure_request_items_pk" PRIMARY KEY("request_id","register_item_id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disclosure_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" "request_kind" NOT NULL,
	"channel" "request_channel" NOT NULL,
	"received_on" date NOT NULL,
	"requester_name" text,
	"requester_contact" text,
	"requester_address" text,
	"via_agent" boolean DEFAULT false NOT NULL,
	"agent_name" text,
	"agent_relationship" text,
	"details" text,
	"disclosure_method" "disclosure_method",
	"identity_requested_on" date,
	"identity_checked_on" date,
	"identity_method" "identity_method",
	"identity_checked_by" text,
	"fee_excl_tax" integer,
	"fee_tax_rate_percent" integer,
	"fee_estimated_on" date,
	"fee_requested_on" date,
	"fee_paid_on" date,
	"fee_waived" boolean DEFAULT false NOT NULL,
	"decision" "request_decision",
	"refusal_ground" "refusal_ground",
	"decision_reason" text,
	"answered_on" date,
	"answer_method" "disclosure_method",
	"answer_note" text,
	"withdrawn_on" date,
	"disposed_on" date,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_requests_seq_positive" CHECK ("disclosure_requests"."seq" > 0),
	CONSTRAINT "disclosure_requests_fee_nonneg" CHECK ("disclosure_requests"."fee_excl_tax" is null or "disclosure_requests"."fee_excl_tax" >= 0),
	CONSTRAINT "disclosure_requests_answer_after_receipt" CHECK ("disclosure_requests"."answered_on" is null or "disclosure_requests"."answered_on" >= "disclosure_requests"."received_on"),
	CONSTRAINT "disclosure_requests_answer_has_decision" CHECK (("disclosure_requests"."answered_on" is null) = ("disclosure_requests"."decision" is null)),
	CONSTRAINT "disclosure_requests_ground_on_refusal" CHECK (("disclosure_requests"."refusal_ground" is not null) = ("disclosure_requests"."decision" is not null and "disclosure_requests"."decision" = 'refuse')),
	CONSTRAINT "disclosure_requests_disposed_closed" CHECK ("disclosure_requests"."disposed_on" is null or "disclosure_requests"."answered_on" is not null or "disclosure_requests"."withdrawn_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "joint_uses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "joint_uses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"partners" text NOT NULL,
	"data_items" text NOT NULL,
	"responsible_name" text NOT NULL,
	"responsible_address" text NOT NULL,
	"responsible_representative" text NOT NULL,
	"published_on" date,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provision_record_items" (
	"provision_id" integer NOT NULL,
	"register_item_id" integer NOT NULL,
	CONSTRAINT "provision_record_items_pk" PRIMARY KEY("provision_id","register_item_id")
);
--> statement-breakpoint
CREATE TABLE "provision_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "provision_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"direction" "provision_direction" NOT NULL,
	"ground" "provision_ground" NOT NULL,
	"consent_method" text,
	"counterparty_name" text NOT NULL,
	"counterparty_address" text,
	"counterparty_representative" text,
	"source_how_obtained" text,
	"persons" text NOT NULL,
	"data_items" text NOT NULL,
	"provided_from" date NOT NULL,
	"provided_to" date,
	"record_form" "provision_record_form" DEFAULT 'individual' NOT NULL,
	"recorded_on" date NOT NULL,
	"contractor_id" integer,
	"joint_use_id" integer,
	"abroad_country" text,
	"equivalent_system" boolean DEFAULT false NOT NULL,
	"country_system" text,
	"recipient_measures" text,
	"informed_before_consent" boolean DEFAULT false NOT NULL,
	"record_required" boolean NOT NULL,
	"retain_until" date,
	"disposable_from" date,
	"disposed_on" date,
	"disposed_by_name" text,
	"disposal_note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provision_records_period" CHECK ("provision_records"."provided_to" is null or "provision_records"."provided_to" >= "provision_records"."provided_from"),
	CONSTRAINT "provision_records_retention" CHECK (("provision_records"."disposable_from" is null) = (not "provision_records"."record_required"))
);
--> statement-breakpoint
ALTER TABLE "disclosure_request_items" ADD CONSTRAINT "disclosure_request_items_request_id_disclosure_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_request_items" ADD CONSTRAINT "disclosure_request_items_register_item_id_register_items_id_fk" FOREIGN KEY ("register_item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_record_items" ADD CONSTRAINT "provision_record_items_provision_id_provision_records_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_record_items" ADD CONSTRAINT "provision_record_items_register_item_id_register_items_id_fk" FOREIGN KEY ("register_item_id") REFERENCES "public"."register_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_records" ADD CONSTRAINT "provision_records_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_records" ADD CONSTRAINT "provision_records_joint_use_id_joint_uses_id_fk" FOREIGN KEY ("joint_use_id") REFERENCES "public"."joint_uses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_requests_reference_idx" ON "disclosure_requests" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_requests_fy_seq_idx" ON "disclosure_requests" USING btree ("fiscal_year","seq");--> statement-breakpoint
CREATE INDEX "disclosure_requests_received_idx" ON "disclosure_requests" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "provision_records_provided_idx" ON "provision_records" USING btree ("provided_from");--> statement-breakpoint
CREATE INDEX "provision_records_disposable_idx" ON "provision_records" USING btree ("disposable_from") WHERE "provision_records"."retired_at" is null and "provision_records"."disposed_on" is null;