import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import * as importRoute from "@/app/api/v1/contractors/import/route";
import * as listRoute from "@/app/api/v1/contractors/route";
import { getDb } from "@/db";
import { auditLog, contractors } from "@/db/schema";
import { call, signInAs } from "../support/api";

function upload(text: string | Uint8Array<ArrayBuffer>, mode: "preview" | "commit") {
  const form = new FormData();
  form.set("file", new File([text], "contractors.csv", { type: "text/csv" }));
  form.set("mode", mode);
  return call(importRoute, "POST", "/api/v1/contractors/import", { body: form, headers: { "accept-language": "ja" } });
}

const GOOD = [
  "名称,法人番号,状態,委託業務,個人情報の項目,件数,契約開始日,契約終了日,担当者,メールアドレス,電話番号,再評価の間隔（月）,備考",
  "株式会社取込テスト印刷,7000012050002,候補,DMの印刷・発送,氏名、住所,12000,,,,,,,",
  "取込テスト給与株式会社,1180301018771,承認,給与計算の代行,氏名、マイナンバー,450,2026/04/01,,佐藤,sato@example.jp,03-0000-0000,6,評価前に契約済み",
].join("\r\n");

describe("contractor register CSV import", () => {
  it("preview stores nothing and shows the flag of a contract without a prior assessment", async () => {
    await signInAs("privacy_manager");
    const res = await upload(GOOD, "preview");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ mode: "preview", committed: false, rows: 2, inserted: 2, errorCount: 0 });
    expect(res.body.changes[1]).toMatchObject({ line: 3, action: "insert", flags: ["contract_before_assessment", "status_unsupported"] });
    const db = await getDb();
    expect(await db.select().from(contractors)).toHaveLength(0);
  });

  it("a bad line refuses the whole file with line numbers; nothing stored", async () => {
    const bad = `${GOOD}\r\n,8000012050002,謎,,,,,,,,,,`;
    const res = await upload(bad, "commit");
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["line:4:name", "line:4:corporateNumber", "line:4:services", "line:4:status"]));
    expect(res.body.errors.find((e: { field: string }) => e.field === "line:4:corporateNumber").message).toContain("チェックデジット");
    const db = await getDb();
    expect(await db.select().from(contractors)).toHaveLength(0);
  });

  it("commit stores all rows (flagged, not refused), audited; importing again changes nothing; Shift_JIS is read", async () => {
    const res = await upload(GOOD, "commit");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ committed: true, inserted: 2 });
    const db = await getDb();
    expect(await db.select().from(contractors)).toHaveLength(2);
    expect((await db.select().from(auditLog)).filter((a) => a.entity === "contractor" && a.action === "import")).toHaveLength(2);
    const list = await call(listRoute, "GET", "/api/v1/contractors?flag=contract_before_assessment");
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(["取込テスト給与株式会社"]);

    const again = await upload(GOOD, "commit");
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });

    // The same file in Shift_JIS, with one changed cell: an update.
    const bytes = iconv.encode(GOOD.replace("DMの印刷・発送", "DMの印刷・封入・発送"), "Shift_JIS");
    const s = await upload(new Uint8Array(bytes) as Uint8Array<ArrayBuffer>, "commit");
    expect(s.status, s.text).toBe(200);
    expect(s.body).toMatchObject({ encoding: "shift_jis", updated: 1, unchanged: 1 });
  });

  it("only the privacy manager imports", async () => {
    await signInAs("hr");
    expect((await upload(GOOD, "preview")).status).toBe(403);
  });
});
