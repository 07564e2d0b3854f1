ALTER TABLE "audit_findings" ADD COLUMN "retired_by" integer;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD COLUMN "retire_reason" text;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;