CREATE TABLE "regulation_clause_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regulation_clause_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"regulation_id" integer NOT NULL,
	"clause" text NOT NULL,
	"note" text,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_clause_links_clause_known" CHECK (clause in ('J.1', 'J.2', 'J.3', 'J.4', 'J.5', 'J.6', 'J.7', 'J.8', 'J.9', 'J.10', 'J.11'))
);
--> statement-breakpoint
ALTER TABLE "regulation_clause_links" ADD CONSTRAINT "regulation_clause_links_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_clause_links_live_idx" ON "regulation_clause_links" USING btree ("regulation_id","clause") WHERE "regulation_clause_links"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "regulation_clause_links_clause_idx" ON "regulation_clause_links" USING btree ("clause");