/**
 * What an audit-trail entry changed, field by field, for the history panels of the record pages
 * (employees, training records, courses, …). The entry's before/after are the snapshots the service
 * wrote (docs/architecture.md §3); `fields` names the ones a user cares about, in display order, so
 * bookkeeping columns (version, updatedAt) stay out.
 *
 * A creation (no before) lists every field that has a value (not null, "" or []); otherwise a field is
 * listed when its value differs (compared by value, arrays and objects included).
 */
export type FieldChange<F extends string = string> = { field: F; before: unknown; after: unknown };

export function auditChanges<F extends string>(before: unknown, after: unknown, fields: readonly F[]): FieldChange<F>[] {
  const b = asRecord(before);
  const a = asRecord(after) ?? {};
  const out: FieldChange<F>[] = [];
  for (const field of fields) {
    const bv = b ? (b[field] ?? null) : null;
    const av = a[field] ?? null;
    if (!b && isEmpty(av)) continue;
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    out.push({ field, before: bv, after: av });
  }
  return out;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === "" || (Array.isArray(v) && v.length === 0);
}
