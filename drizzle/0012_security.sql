CREATE TABLE "request_counters" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_counters_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_live_idx" ON "sessions" USING btree ("user_id") WHERE "sessions"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
-- Issue 12 point 6 (audit): the audit trail is a hash chain (docs/security.md). Every row carries its
-- position (seq), the previous row's hash (prev_hash; 64 zeros before the first row) and its own hash:
-- sha256 hex over a canonical text of its content followed by prev_hash. The canonical text is
-- jsonb_build_object(...)::text (jsonb prints its keys in one fixed order) with occurred_at in UTC, so
-- it does not depend on the session's TimeZone or DateStyle. db/queries/audit.ts verifyAuditChain()
-- recomputes the same expression on its own (it does not trust this function) — keep the two equal.
CREATE FUNCTION audit_log_row_hash(a audit_log) RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog, public AS $$
  SELECT encode(sha256(convert_to(
    jsonb_build_object(
      'seq', a.seq, 'id', a.id, 'occurred_at', a.occurred_at AT TIME ZONE 'UTC',
      'actor_id', a.actor_id, 'actor_email', a.actor_email, 'action', a.action,
      'entity', a.entity, 'entity_id', a.entity_id, 'before', a.before, 'after', a.after
    )::text || a.prev_hash, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Chains each new row whoever inserts it (INSERT of one or many rows, COPY): the app never sets seq,
-- prev_hash or hash, and whatever a client sends there is overwritten. The transaction-level advisory
-- lock makes writers on every app instance chain one after another: it is held until commit, so the
-- next writer reads the last row only once it is committed. A row-level BEFORE trigger sees the rows
-- an earlier pass of the same statement inserted, so a multi-row INSERT chains too.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, public AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(1500112);
  SELECT l.seq, l.hash INTO last_seq, last_hash FROM audit_log l ORDER BY l.seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_log_row_hash(NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Back-fill the rows written before the chain, in id order. The append-only trigger of migration 0001
-- refuses UPDATE: it is switched off for this one statement (migrations run as the table's owner).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log;
  n bigint := 0;
  prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    r.seq := n;
    r.prev_hash := prev;
    prev := audit_log_row_hash(r);
    UPDATE audit_log SET seq = n, prev_hash = r.prev_hash, hash = prev WHERE id = r.id;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
