CREATE TABLE "evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_kind" text NOT NULL,
	"record_id" integer NOT NULL,
	"title" text NOT NULL,
	"created_by" integer,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_blobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_blobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sha256" text,
	"byte_size" bigint DEFAULT 0 NOT NULL,
	"media_type" text NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evidence_chunks" (
	"blob_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "evidence_chunks_blob_id_seq_pk" PRIMARY KEY("blob_id","seq")
);
--> statement-breakpoint
CREATE TABLE "evidence_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"evidence_id" integer NOT NULL,
	"number" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"blob_id" integer,
	"effective_on" date NOT NULL,
	"expires_on" date,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disposed_at" timestamp with time zone,
	"disposed_by" integer,
	"disposal_reason" text,
	CONSTRAINT "evidence_versions_expiry_after_effective" CHECK ("evidence_versions"."expires_on" is null or "evidence_versions"."expires_on" >= "evidence_versions"."effective_on"),
	CONSTRAINT "evidence_versions_disposal" CHECK (("evidence_versions"."disposed_at" is null) = ("evidence_versions"."disposal_reason" is null) and ("evidence_versions"."disposed_at" is null or "evidence_versions"."blob_id" is null))
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_chunks" ADD CONSTRAINT "evidence_chunks_blob_id_evidence_blobs_id_fk" FOREIGN KEY ("blob_id") REFERENCES "public"."evidence_blobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_versions" ADD CONSTRAINT "evidence_versions_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_versions" ADD CONSTRAINT "evidence_versions_blob_id_evidence_blobs_id_fk" FOREIGN KEY ("blob_id") REFERENCES "public"."evidence_blobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_versions" ADD CONSTRAINT "evidence_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_versions" ADD CONSTRAINT "evidence_versions_disposed_by_users_id_fk" FOREIGN KEY ("disposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_record_idx" ON "evidence" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_blobs_sha256_idx" ON "evidence_blobs" USING btree ("sha256") WHERE "evidence_blobs"."purged_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_versions_number_idx" ON "evidence_versions" USING btree ("evidence_id","number");--> statement-breakpoint
CREATE INDEX "evidence_versions_sha256_idx" ON "evidence_versions" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "evidence_versions_expires_idx" ON "evidence_versions" USING btree ("expires_on") WHERE "evidence_versions"."expires_on" is not null and "evidence_versions"."disposed_at" is null;--> statement-breakpoint
-- Files are mostly compressed already (PDF, JPEG, Office): store the chunks out of line without trying to compress them again.
ALTER TABLE "evidence_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;