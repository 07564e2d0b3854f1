import type { Tx } from "@/db";
import { trainingSessions, type TrainingMethod } from "@/db/schema";

type BulkLike = { courseId: number; completedOn: string; method: TrainingMethod; source: "manual" | "bulk"; sessionId?: number | null };

/**
 * The demo's bulk-entered records as the bulk entry writes them (docs/domain.md, "Training
 * sessions"): one session per course, day and format, and each of those records pointing at it.
 * Classroom sessions are held in the head office's meeting room by the privacy manager, e-learning
 * is recorded from the LMS. Sessions are numbered by date, so session 1 is the oldest (the API
 * reference's examples point at it). Sets `sessionId` on the records in place; returns the count.
 */
export async function seedTrainingSessions(tx: Tx, records: BulkLike[], createdBy: number | null): Promise<{ trainingSessions: number }> {
  const groups = new Map<string, BulkLike[]>();
  for (const r of records) {
    if (r.source !== "bulk") continue;
    const key = `${r.completedOn}|${r.courseId}|${r.method}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const keys = [...groups.keys()].sort();
  if (keys.length === 0) return { trainingSessions: 0 };
  const values = keys.map((key) => {
    const first = groups.get(key)![0];
    const classroom = first.method === "classroom";
    const april = first.completedOn.slice(5, 7) === "04";
    return {
      courseId: first.courseId,
      heldOn: first.completedOn,
      method: first.method,
      title: classroom && april ? `${Number(first.completedOn.slice(0, 4))}年度 新入社員研修` : null,
      place: classroom ? "本社 大会議室" : "オンライン（LMS）",
      instructor: classroom ? "個人情報保護管理者" : null,
      note: classroom ? "出席簿は押印済みの原本を総務部で保管" : "LMSの受講履歴から一括登録",
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
