import { compareDates } from "@/lib/dates";

/**
 * Posts that may not be held together (兼任不可, docs/domain.md §2 "PMS structure"), pure: e.g. the
 * 監査責任者 may not be the 個人情報保護管理者 (the P-mark asks an auditor independent of what they
 * audit). An exclusion is symmetric: A excluding B is B excluding A, whichever of the two posts names
 * the other. A person is one sign-in user or one employee: the app links no user to an employee, so a
 * user is compared with users and an employee with employees.
 */

export type Term = { fromDate: string; toDate: string | null };
export type PersonRef = { personType: "user" | "employee"; personId: number };
export type HeldPost = PersonRef & Term & { id: number; postId: number };
export type PostExclusions = { id: number; exclusiveWith: readonly number[] };

/** The shared days of two terms (inclusive ends, null = open-ended), or null when they do not meet. */
export function termOverlap(a: Term, b: Term): Term | null {
  const fromDate = compareDates(a.fromDate, b.fromDate) >= 0 ? a.fromDate : b.fromDate;
  const toDate = a.toDate === null ? b.toDate : b.toDate === null ? a.toDate : compareDates(a.toDate, b.toDate) <= 0 ? a.toDate : b.toDate;
  if (toDate !== null && compareDates(fromDate, toDate) > 0) return null;
  return { fromDate, toDate };
}

/** Every pair of posts that excludes each other, as "low:high" keys, from either side's list. */
export function exclusionPairs(posts: readonly PostExclusions[]): Set<string> {
  const pairs = new Set<string>();
  for (const p of posts) for (const q of p.exclusiveWith) if (q !== p.id) pairs.add(pairKey(p.id, q));
  return pairs;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export function samePerson(a: PersonRef, b: PersonRef): boolean {
  return a.personType === b.personType && a.personId === b.personId;
}

/** A person holding two excluded posts at once: the two appointments and the days they share. */
export type HoldingConflict<A extends HeldPost = HeldPost> = { a: A; b: A; overlap: Term };

/**
 * Who holds two excluded posts at once. With `on`, only on that day; with `within`, only where the
 * shared days meet that term; with neither, at any time. Each pair of appointments is reported once,
 * the earlier-starting (then lower id) first; appointments to the same post never conflict.
 */
export function findHoldingConflicts<A extends HeldPost>(
  appointments: readonly A[],
  posts: readonly PostExclusions[],
  opts: { on?: string; within?: Term } = {},
): HoldingConflict<A>[] {
  const pairs = exclusionPairs(posts);
  if (pairs.size === 0) return [];
  const window = opts.on !== undefined ? { fromDate: opts.on, toDate: opts.on } : opts.within;
  const sorted = [...appointments].sort((x, y) => compareDates(x.fromDate, y.fromDate) || x.id - y.id);
  const out: HoldingConflict<A>[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (a.postId === b.postId || !samePerson(a, b) || !pairs.has(pairKey(a.postId, b.postId))) continue;
      const overlap = termOverlap(a, b);
      if (!overlap || (window && !termOverlap(overlap, window))) continue;
      out.push({ a, b, overlap });
    }
  }
  return out;
}

/**
 * The appointments that refuse a new or changed one: the same person's appointments to a post that
 * excludes `candidate.postId`, whose term meets the candidate's. `candidate.id` (when it is a change)
 * is left out of the comparison.
 */
export function blockingAppointments<A extends HeldPost>(
  candidate: PersonRef & Term & { id?: number; postId: number },
  appointments: readonly A[],
  posts: readonly PostExclusions[],
): A[] {
  const pairs = exclusionPairs(posts);
  return appointments.filter(
    (a) =>
      a.id !== candidate.id &&
      a.postId !== candidate.postId &&
      samePerson(a, candidate) &&
      pairs.has(pairKey(a.postId, candidate.postId)) &&
      termOverlap(a, candidate) !== null,
  );
}
