import type { Tx } from "@/db";
import { trainingSessions, type TrainingMethod } from "@/db/schema";

type BulkLike = { courseId: number; completedOn: string; method: TrainingMethod; source: "manual" | "bulk"; sessionId?: number | null };

/**
 * The demo's classroom sessions as the bulk entry writes them (docs/domain.md, "Training sessions"):
 * one session per course and day, held in the head office's meeting room by the privacy manager, and
 * each of its records pointing at it. The e-learning records entered in bulk from the LMS's monthly
 * history stand for entries made before sessions existed (as after an upgrade): they have none.
 * Sessions are numbered by date, so session 1 is the oldest (the API reference's examples point at
 * it). Sets `sessionId` on the records in place; returns the count.
 */
export async function seedTrainingSessions(tx: Tx, records: BulkLike[], createdBy: number | null): Promise<{ trainingSessions: number }> {
  const groups = new Map<string, BulkLike[]>();
  for (const r of records) {
    if (r.source !== "bulk" || r.method !== "classroom") continue;
    const key = `${r.completedOn}|${r.courseId}|${r.method}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const keys = [...groups.keys()].sort();
  if (keys.length === 0) return { trainingSessions: 0 };
  const values = keys.map((key) => {
    const first = groups.get(key)![0];
    const april = first.completedOn.slice(5, 7) === "04";
    return {
      courseId: first.courseId,
      heldOn: first.completedOn,
      method: first.method,
      title: april ? `${Number(first.completedOn.slice(0, 4))}年度 新入社員研修` : null,
      place: "本社 大会議室",
      instructor: "個人情報保護管理者",
      note: "出席簿の原本（署名済み）は総務部で保管",
      createdBy,
    };
  });
  // Matched back by course, day and format (one session each), not by the order rows come back in.
  for (let i = 0; i < values.length; i += 500) {
    const rows = await tx
      .insert(trainingSessions)
      .values(values.slice(i, i + 500))
      .returning({ id: trainingSessions.id, heldOn: trainingSessions.heldOn, courseId: trainingSessions.courseId, method: trainingSessions.method });
    for (const row of rows) for (const r of groups.get(`${row.heldOn}|${row.courseId}|${row.method}`)!) r.sessionId = row.id;
  }
  return { trainingSessions: keys.length };
}
