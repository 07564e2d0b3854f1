import { tokyoDateOf, type ReportableReason } from "./reporting";
import type { FinalReportItem, IncidentCategory } from "./schema";

/**
 * What an incident owes the outside world, written from its record (docs/domain.md §3, "Regulator
 * outputs"): the report to the PPC laid out in the order of the PPC's online form, the notice to the
 * persons 本人への通知 and the public statement 公表文. Always in Japanese whatever the user's language:
 * the PPC takes reports in Japanese only, and the notice and the statement go to people in Japan.
 *
 * Each value comes from the manager's own text for the report item when there is one ("entered"),
 * else from what the record holds ("record": the data involved, the number of persons, the corrective
 * actions, the dates made …), else it is "missing" and the drafts carry a visible 【要記入】 mark.
 * Nothing is invented: an item the record cannot answer (the cause, for one) stays missing.
 *
 * Pure: no database, no clock. The page passes the incident, its corrective actions and register
 * items, the organisation and the date of the draft.
 */

export type OutputSource = "entered" | "record" | "missing";

export type RegulatorFacts = {
  reference: string;
  category: IncidentCategory;
  /** ISO 8601 timestamps. */
  occurredAt: string | null;
  discoveredAt: string;
  description: string;
  dataInvolved: string | null;
  personsAffected: number;
  sensitiveData: boolean;
  financialLoss: boolean;
  wrongfulPurpose: boolean;
  containment: string | null;
  reportable: boolean;
  reportableReasons: readonly ReportableReason[];
  exemption: "advanced_encryption" | null;
  ppcPreliminaryReportedOn: string | null;
  ppcFinalReportedOn: string | null;
  pmarkPreliminaryReportedOn: string | null;
  pmarkFinalReportedOn: string | null;
  personsNotifiedOn: string | null;
  publiclyAnnouncedOn: string | null;
} & Record<FinalReportItem, string | null>;

export type RegulatorContext = {
  incident: RegulatorFacts;
  correctiveActions: readonly { description: string; owner: string; dueOn: string; doneOn: string | null }[];
  registerItems: readonly { code: string; name: string }[];
  organization: { name: string; representative: string };
};

export type OutputField = { key: string; label: string; value: string; source: OutputSource };
export type PpcSectionKey = "reporter" | "incident" | "items";
export type PpcSection = { key: PpcSectionKey; heading: string; fields: OutputField[] };
export type PpcReport = { kind: "preliminary" | "final"; title: string; /** The title with the kind: 個人データの漏えい等の報告（速報）. */ heading: string; sections: PpcSection[] };
export type DraftText = { title: string; text: string; missing: string[] };

/** 2026-06-10 → 2026年6月10日. */
export function jaDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The nine items of enforcement rule Art. 8(1) (施行規則第8条第1項各号), as the PPC's form names them. */
export const PPC_ITEM_LABELS: Record<FinalReportItem, string> = {
  reportOverview: "概要",
  reportDataItems: "漏えい等が発生し、又は発生したおそれがある個人データの項目",
  reportPersons: "漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
  reportCause: "原因",
  reportSecondaryRisk: "二次被害又はそのおそれの有無及びその内容",
  reportResponseToPersons: "本人への対応の実施状況",
  reportPublication: "公表の実施状況",
  reportRecurrenceMeasures: "再発防止のための措置",
  reportOther: "その他参考となる事項",
};

/** The situations of enforcement rule Art. 7 that make an incident reportable. */
export const REPORTABLE_REASON_LABELS: Record<ReportableReason, string> = {
  sensitive_data: "要配慮個人情報が含まれる個人データの漏えい等（又はそのおそれ）（施行規則第7条第1号）",
  financial_loss: "不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等（又はそのおそれ）（同条第2号）",
  wrongful_purpose: "不正の目的をもって行われたおそれがある個人データの漏えい等（又はそのおそれ）（同条第3号）",
  many_persons: "個人データに係る本人の数が1,000人を超える漏えい等（又はそのおそれ）（同条第4号）",
};

const CATEGORY_PHRASES: Record<IncidentCategory, string> = {
  unauthorized_access: "不正アクセスによる個人データの漏えい等",
  loss: "個人データの紛失",
  destruction: "個人データの毀損",
  tampering: "個人データの改ざん",
  leakage: "個人データの漏えい",
  misdirected: "誤送信による個人データの漏えい",
  other: "個人データの漏えい等",
};

const MISSING = (label: string) => `【要記入：${label}】`;
const text = (s: string | null | undefined) => (s ?? "").trim();

function field(key: string, label: string, entered: string | null, fromRecord: string | null): OutputField {
  const own = text(entered);
  if (own) return { key, label, value: own, source: "entered" };
  const derived = text(fromRecord);
  if (derived) return { key, label, value: derived, source: "record" };
  return { key, label, value: "", source: "missing" };
}

function discoveryDate(i: RegulatorFacts): string {
  return tokyoDateOf(i.discoveredAt);
}

function occurredDate(i: RegulatorFacts): string | null {
  return i.occurredAt ? tokyoDateOf(i.occurredAt) : null;
}

/** The report's overview from the record: when, what, discovered when; then the record's description. */
function overviewFromRecord(i: RegulatorFacts): string {
  const occurred = occurredDate(i);
  const lead = `${occurred ? `${jaDate(occurred)}、` : ""}当社において${CATEGORY_PHRASES[i.category]}が発生した（${jaDate(discoveryDate(i))}発覚）。`;
  return [lead, text(i.description)].filter(Boolean).join("\n");
}

/** A letter's overview from the record: its opening already says what happened and when it was discovered. */
function letterOverviewFromRecord(i: RegulatorFacts): string {
  const occurred = occurredDate(i);
  return [occurred ? `発生日：${jaDate(occurred)}` : null, text(i.description)].filter(Boolean).join("\n");
}

function dataItemsFromRecord(ctx: RegulatorContext): string | null {
  const i = ctx.incident;
  const parts: string[] = [];
  if (text(i.dataInvolved)) parts.push(text(i.dataInvolved));
  if (ctx.registerItems.length > 0) parts.push(`（個人情報管理台帳：${ctx.registerItems.map((r) => `${r.code} ${r.name}`).join("、")}）`);
  if (parts.length === 0) return null;
  if (i.sensitiveData) parts.push("要配慮個人情報を含む。");
  return parts.join("\n");
}

function personsFromRecord(i: RegulatorFacts): string | null {
  return i.personsAffected > 0 ? `${i.personsAffected.toLocaleString("ja-JP")}人` : null;
}

function secondaryRiskFromRecord(i: RegulatorFacts): string | null {
  const risks: string[] = [];
  if (i.financialLoss) risks.push("不正に利用されることにより財産的被害が生じるおそれがある。");
  if (i.wrongfulPurpose) risks.push("不正の目的をもって行われたおそれがある。");
  return risks.length ? `有\n${risks.join("\n")}` : null;
}

function responseToPersonsFromRecord(i: RegulatorFacts): string {
  return i.personsNotifiedOn ? `${jaDate(i.personsNotifiedOn)}に本人への通知を行った。` : "本人への通知は未実施。";
}

function publicationFromRecord(i: RegulatorFacts): string {
  return i.publiclyAnnouncedOn ? `${jaDate(i.publiclyAnnouncedOn)}に公表した。` : "未公表。";
}

function measuresFromRecord(ctx: RegulatorContext): string | null {
  if (ctx.correctiveActions.length === 0) return null;
  return ctx.correctiveActions
    .map((a) => `・${text(a.description)}（担当：${text(a.owner)}、期限：${jaDate(a.dueOn)}、${a.doneOn ? `${jaDate(a.doneOn)}実施済み` : "実施中"}）`)
    .join("\n");
}

function otherFromRecord(i: RegulatorFacts): string | null {
  const parts: string[] = [];
  if (text(i.containment)) parts.push(`封じ込め措置：${text(i.containment)}`);
  const pmark = [
    i.pmarkPreliminaryReportedOn ? `速報 ${jaDate(i.pmarkPreliminaryReportedOn)}` : null,
    i.pmarkFinalReportedOn ? `確報 ${jaDate(i.pmarkFinalReportedOn)}` : null,
  ].filter(Boolean);
  if (pmark.length) parts.push(`プライバシーマーク審査機関への報告：${pmark.join("、")}`);
  return parts.length ? parts.join("\n") : null;
}

/** The nine items, each from the manager's text or the record. */
export function ppcItems(ctx: RegulatorContext): OutputField[] {
  const i = ctx.incident;
  const fromRecord: Record<FinalReportItem, string | null> = {
    reportOverview: overviewFromRecord(i),
    reportDataItems: dataItemsFromRecord(ctx),
    reportPersons: personsFromRecord(i),
    reportCause: null,
    reportSecondaryRisk: secondaryRiskFromRecord(i),
    reportResponseToPersons: responseToPersonsFromRecord(i),
    reportPublication: publicationFromRecord(i),
    reportRecurrenceMeasures: measuresFromRecord(ctx),
    reportOther: otherFromRecord(i),
  };
  return (Object.keys(PPC_ITEM_LABELS) as FinalReportItem[]).map((k) => field(k, PPC_ITEM_LABELS[k], i[k], fromRecord[k]));
}

/**
 * The report to the PPC in the order of its online form: 報告者の概要, then 事案の概要 (the kind of
 * report, the situation of Art. 7, the days of discovery and occurrence), then the nine items.
 * A report is final 確報 once the preliminary one 速報 has been made.
 */
export function ppcReport(ctx: RegulatorContext): PpcReport {
  const i = ctx.incident;
  const kind = i.ppcPreliminaryReportedOn ? "final" : "preliminary";
  const occurred = occurredDate(i);
  const reasons = i.reportableReasons.map((r) => REPORTABLE_REASON_LABELS[r]).join("\n");
  const situation = reasons || (i.exemption ? "該当なし（高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じている）" : "該当なし");
  const title = "個人データの漏えい等の報告";
  return {
    kind,
    title,
    heading: `${title}（${kind === "final" ? "確報" : "速報"}）`,
    sections: [
      {
        key: "reporter",
        heading: "報告者の概要",
        fields: [
          field("organizationName", "報告者の氏名又は名称", null, ctx.organization.name),
          field("representative", "代表者の氏名", null, ctx.organization.representative),
        ],
      },
      {
        key: "incident",
        heading: "事案の概要",
        fields: [
          field("reportKind", "報告の種類", null, kind === "final" ? `確報（速報：${jaDate(i.ppcPreliminaryReportedOn!)}）` : "速報"),
          field("situation", "報告対象となる事態", null, situation),
          field("discoveredOn", "発覚日", null, jaDate(discoveryDate(i))),
          field("occurredOn", "発生日", null, occurred ? jaDate(occurred) : null),
        ],
      },
      { key: "items", heading: "報告事項", fields: ppcItems(ctx) },
    ],
  };
}

/** Every field as "label：value" lines, in the form's order: what "copy all" puts on the clipboard. */
export function ppcReportText(report: PpcReport): string {
  const lines: string[] = [report.heading];
  for (const s of report.sections) {
    lines.push("", `■${s.heading}`);
    for (const f of s.fields) lines.push(`${f.label}：${f.value || MISSING(f.label)}`);
  }
  return lines.join("\n");
}

function block(n: number, f: OutputField, missing: string[]): string {
  if (f.source === "missing") missing.push(f.label);
  return `${n}. ${f.label}\n${f.value || MISSING(f.label)}`;
}

function header(ctx: RegulatorContext, on: string, missing: string[], addressee: string | null): string[] {
  const org = text(ctx.organization.name);
  if (!org) missing.push("事業者の名称");
  const lines = [jaDate(on), ""];
  if (addressee) lines.push(addressee, "");
  lines.push(org || MISSING("事業者の名称"));
  // The representative as Settings holds it, title included (代表取締役 …).
  if (text(ctx.organization.representative)) lines.push(text(ctx.organization.representative));
  return lines;
}

function contact(ctx: RegulatorContext, n: number, missing: string[]): string {
  missing.push("お問い合わせ窓口");
  const org = text(ctx.organization.name) || MISSING("事業者の名称");
  return `${n}. 本件に関するお問い合わせ先\n${org}　${MISSING("お問い合わせ窓口（部署・電話番号・受付時間）")}`;
}

/** The nine items for a letter, by key: the overview as letterOverview() writes it. */
function letterItems(ctx: RegulatorContext): Record<FinalReportItem, OutputField> {
  const items = Object.fromEntries(ppcItems(ctx).map((f) => [f.key, f])) as Record<FinalReportItem, OutputField>;
  return { ...items, reportOverview: letterOverview(ctx) };
}

/** The overview for a letter: the manager's text, else the day it occurred and the record's description. */
function letterOverview(ctx: RegulatorContext): OutputField {
  const i = ctx.incident;
  return field("reportOverview", PPC_ITEM_LABELS.reportOverview, i.reportOverview, letterOverviewFromRecord(i));
}

/** An item under the name the statement gives it (its label on the PPC form says 本人, the statement says 対象となる方). */
const titled = (f: OutputField, label: string): OutputField => ({ ...f, label });

/**
 * A letter's shape, the same for the notice and the statement: the date, the addressee if any, the
 * company and its representative, the title, the opening paragraph, the matters numbered from 1 in
 * the order given (each under its label), the contact point as the last one, then 以上. `missing`
 * lists what is to be filled in, in that order.
 */
function letter(ctx: RegulatorContext, on: string, parts: { addressee: string | null; title: string; opening: string[]; matters: OutputField[] }): DraftText {
  const missing: string[] = [];
  const lines = [...header(ctx, on, missing, parts.addressee), "", parts.title, "", ...parts.opening];
  parts.matters.forEach((f, k) => lines.push("", block(k + 1, f, missing)));
  lines.push("", contact(ctx, parts.matters.length + 1, missing), "", "以上");
  return { title: parts.title, text: lines.join("\n"), missing };
}

/**
 * The notice to the persons 本人への通知 (APPI Art. 26(2)): the matters of enforcement rule Art. 10 —
 * the overview, the data items, the cause, secondary damage and other matters — and the measures
 * taken, with the contact point. `on` is the date of the letter.
 */
export function personsNoticeDraft(ctx: RegulatorContext, on: string): DraftText {
  const it = letterItems(ctx);
  const i = ctx.incident;
  return letter(ctx, on, {
    addressee: "関係者各位",
    title: "個人データの漏えい等に関するお知らせとお詫び",
    opening: [
      `このたび、当社が取り扱う皆様の個人データについて、${CATEGORY_PHRASES[i.category]}が発生いたしました（${jaDate(discoveryDate(i))}発覚）。皆様に多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。`,
      "本件の概要等について、以下のとおりお知らせいたします。",
    ],
    // Other matters only when known: never a 【要記入】 of their own.
    matters: [it.reportOverview, it.reportDataItems, it.reportCause, it.reportSecondaryRisk, it.reportRecurrenceMeasures, ...(it.reportOther.source !== "missing" ? [it.reportOther] : [])],
  });
}

/**
 * The public statement 公表文: the facts known so far and what the company does about them, for its
 * website or the press. Names no person: the manager checks the texts taken from the record before it
 * is published. `on` is the date of the statement.
 */
export function publicStatementDraft(ctx: RegulatorContext, on: string): DraftText {
  const it = letterItems(ctx);
  const i = ctx.incident;
  return letter(ctx, on, {
    addressee: null,
    title: "個人データの漏えい等に関するお知らせ",
    opening: [
      `このたび、当社において${CATEGORY_PHRASES[i.category]}が発生したことが判明いたしました（${jaDate(discoveryDate(i))}発覚）。関係者の皆様に多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。`,
      "これまでの調査で判明した事実と当社の対応について、以下のとおりお知らせいたします。",
    ],
    matters: [
      it.reportOverview,
      it.reportDataItems,
      titled(it.reportPersons, "対象となる方の人数"),
      it.reportCause,
      it.reportSecondaryRisk,
      titled(it.reportResponseToPersons, "対象となる方への対応"),
      it.reportRecurrenceMeasures,
    ],
  });
}

/** The context of the outputs from an incident's detail (as the pages read it) and the organisation. */
export function regulatorContext(
  detail: { incident: RegulatorFacts; correctiveActions: RegulatorContext["correctiveActions"]; registerItems: RegulatorContext["registerItems"] },
  organization: { name: string; representative: string },
): RegulatorContext {
  return {
    incident: detail.incident,
    correctiveActions: detail.correctiveActions,
    registerItems: detail.registerItems,
    organization: { name: organization.name, representative: organization.representative },
  };
}
