import { describe, expect, it } from "vitest";
import { jaDate, personsNoticeDraft, ppcItems, ppcReport, ppcReportText, publicStatementDraft, type RegulatorContext, type RegulatorFacts } from "./regulator-outputs";

const incident = (over: Partial<RegulatorFacts> = {}): RegulatorFacts => ({
  reference: "INC-2026-004",
  category: "misdirected",
  // 2026-06-09 23:30 and 2026-06-10 00:15 in Tokyo: the Tokyo days, not the UTC ones.
  occurredAt: "2026-06-09T14:30:00.000Z",
  discoveredAt: "2026-06-09T15:15:00.000Z",
  description: "顧客20名分の連絡先一覧を添付したメールを取引先1社に誤送信した。",
  dataInvolved: "氏名、メールアドレス、電話番号",
  personsAffected: 20,
  sensitiveData: false,
  financialLoss: false,
  wrongfulPurpose: false,
  containment: null,
  reportable: false,
  reportableReasons: [],
  exemption: null,
  reportOverview: null,
  reportDataItems: null,
  reportPersons: null,
  reportCause: null,
  reportSecondaryRisk: null,
  reportResponseToPersons: null,
  reportPublication: null,
  reportRecurrenceMeasures: null,
  reportOther: null,
  ppcPreliminaryReportedOn: null,
  ppcFinalReportedOn: null,
  pmarkPreliminaryReportedOn: null,
  pmarkFinalReportedOn: null,
  personsNotifiedOn: null,
  publiclyAnnouncedOn: null,
  ...over,
});

const ctx = (over: Partial<RegulatorFacts> = {}, rest: Partial<Omit<RegulatorContext, "incident">> = {}): RegulatorContext => ({
  incident: incident(over),
  correctiveActions: [],
  registerItems: [],
  organization: { name: "株式会社ルフト", representative: "山田 太郎" },
  ...rest,
});

const byKey = (c: RegulatorContext) => Object.fromEntries(ppcItems(c).map((f) => [f.key, f]));

describe("jaDate", () => {
  it("writes a date the Japanese way, without leading zeros", () => {
    expect(jaDate("2026-06-10")).toBe("2026年6月10日");
    expect(jaDate("2027-12-31")).toBe("2027年12月31日");
  });
});

describe("the PPC report's nine items", () => {
  it("fills what the record holds: 20 persons, the data involved, the overview from the description, the dates in Tokyo", () => {
    const f = byKey(ctx());
    expect(f.reportPersons).toMatchObject({ value: "20人", source: "record" });
    expect(f.reportDataItems).toMatchObject({ value: "氏名、メールアドレス、電話番号", source: "record" });
    expect(f.reportOverview.source).toBe("record");
    expect(f.reportOverview.value).toBe(
      "2026年6月9日、当社において誤送信による個人データの漏えいが発生した（2026年6月10日発覚）。\n顧客20名分の連絡先一覧を添付したメールを取引先1社に誤送信した。",
    );
    expect(f.reportResponseToPersons).toMatchObject({ value: "本人への通知は未実施。", source: "record" });
    expect(f.reportPublication).toMatchObject({ value: "未公表。", source: "record" });
  });

  it("leaves missing what the record cannot answer, and does not invent a secondary damage of none", () => {
    const f = byKey(ctx());
    expect(f.reportCause).toEqual({ key: "reportCause", label: "原因", value: "", source: "missing" });
    expect(f.reportSecondaryRisk.source).toBe("missing");
    expect(f.reportRecurrenceMeasures.source).toBe("missing");
    expect(f.reportOther.source).toBe("missing");
    expect(byKey(ctx({ personsAffected: 0 })).reportPersons.source).toBe("missing");
  });

  it("takes the manager's own text first, trimmed", () => {
    const f = byKey(ctx({ reportPersons: "  20人（確定）  ", reportCause: "宛先の確認不足" }));
    expect(f.reportPersons).toMatchObject({ value: "20人（確定）", source: "entered" });
    expect(f.reportCause).toMatchObject({ value: "宛先の確認不足", source: "entered" });
    // A blank entry is no entry.
    expect(byKey(ctx({ reportPersons: "   " })).reportPersons.source).toBe("record");
  });

  it("writes the dates made, the corrective actions, the register items, containment and the P-mark reports", () => {
    const f = byKey(
      ctx(
        { personsNotifiedOn: "2026-06-12", publiclyAnnouncedOn: "2026-06-15", containment: "受信者に削除を依頼し、削除の報告を受けた。", pmarkPreliminaryReportedOn: "2026-06-11", sensitiveData: true, financialLoss: true, personsAffected: 1234 },
        {
          correctiveActions: [
            { description: "送信前の宛先確認を必須にする。", owner: "情報システム部", dueOn: "2026-07-31", doneOn: null },
            { description: "全社員に再教育を行う。", owner: "総務部", dueOn: "2026-06-30", doneOn: "2026-06-25" },
          ],
          registerItems: [{ code: "R-001", name: "顧客名簿" }],
        },
      ),
    );
    expect(f.reportResponseToPersons.value).toBe("2026年6月12日に本人への通知を行った。");
    expect(f.reportPublication.value).toBe("2026年6月15日に公表した。");
    expect(f.reportPersons.value).toBe("1,234人");
    expect(f.reportDataItems.value).toBe("氏名、メールアドレス、電話番号\n（個人情報管理台帳：R-001 顧客名簿）\n要配慮個人情報を含む。");
    expect(f.reportSecondaryRisk.value).toBe("有\n不正に利用されることにより財産的被害が生じるおそれがある。");
    expect(f.reportRecurrenceMeasures.value).toBe(
      "・送信前の宛先確認を必須にする。（担当：情報システム部、期限：2026年7月31日、実施中）\n・全社員に再教育を行う。（担当：総務部、期限：2026年6月30日、2026年6月25日実施済み）",
    );
    expect(f.reportOther.value).toBe("封じ込め措置：受信者に削除を依頼し、削除の報告を受けた。\nプライバシーマーク審査機関への報告：速報 2026年6月11日");
  });

  it("an incident without an occurrence time starts the overview with the place, not a date", () => {
    expect(byKey(ctx({ occurredAt: null })).reportOverview.value).toMatch(/^当社において誤送信/);
  });
});

describe("ppcReport: the order of the PPC's form", () => {
  it("reporter, then the incident's summary, then the nine items in the rule's order", () => {
    const r = ppcReport(ctx({ reportable: true, reportableReasons: ["many_persons"], personsAffected: 1500 }));
    expect(r.sections.map((s) => s.heading)).toEqual(["報告者の概要", "事案の概要", "報告事項"]);
    expect(r.sections[0].fields.map((f) => [f.label, f.value])).toEqual([
      ["報告者の氏名又は名称", "株式会社ルフト"],
      ["代表者の氏名", "山田 太郎"],
    ]);
    expect(r.sections[1].fields.map((f) => f.label)).toEqual(["報告の種類", "報告対象となる事態", "発覚日", "発生日"]);
    expect(r.sections[1].fields[1].value).toContain("1,000人を超える");
    expect(r.sections[1].fields[2].value).toBe("2026年6月10日");
    expect(r.sections[1].fields[3].value).toBe("2026年6月9日");
    expect(r.sections[2].fields.map((f) => f.label)).toEqual([
      "概要",
      "漏えい等が発生し、又は発生したおそれがある個人データの項目",
      "漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
      "原因",
      "二次被害又はそのおそれの有無及びその内容",
      "本人への対応の実施状況",
      "公表の実施状況",
      "再発防止のための措置",
      "その他参考となる事項",
    ]);
  });

  it("is a preliminary report until one is made, then final", () => {
    expect(ppcReport(ctx()).kind).toBe("preliminary");
    const final = ppcReport(ctx({ ppcPreliminaryReportedOn: "2026-06-12" }));
    expect(final.kind).toBe("final");
    expect(final.sections[1].fields[0].value).toBe("確報（速報：2026年6月12日）");
  });

  it("says when no situation of Art. 7 applies, and why when encryption exempts it", () => {
    expect(ppcReport(ctx()).sections[1].fields[1].value).toBe("該当なし");
    expect(ppcReport(ctx({ exemption: "advanced_encryption" })).sections[1].fields[1].value).toMatch(/^該当なし（高度な暗号化/);
  });

  it("an organisation not entered in the settings is missing, not blank text", () => {
    const r = ppcReport(ctx({}, { organization: { name: "", representative: "" } }));
    expect(r.sections[0].fields.map((f) => f.source)).toEqual(["missing", "missing"]);
  });

  it("copy all: every field as label：value in the form's order, missing ones marked", () => {
    const all = ppcReportText(ppcReport(ctx()));
    const lines = all.split("\n");
    expect(lines[0]).toBe("個人データの漏えい等の報告（速報）");
    expect(lines).toContain("■報告者の概要");
    expect(lines).toContain("報告者の氏名又は名称：株式会社ルフト");
    expect(lines).toContain("漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数：20人");
    expect(lines).toContain("原因：【要記入：原因】");
    expect(all.indexOf("■事案の概要")).toBeLessThan(all.indexOf("概要：2026年6月9日"));
    expect(all.indexOf("原因：")).toBeLessThan(all.indexOf("その他参考となる事項："));
  });
});

describe("the notice to the persons and the public statement", () => {
  it("the notice: dated, addressed, with the matters of enforcement rule Art. 10 and the missing ones marked and listed", () => {
    const d = personsNoticeDraft(ctx({ reportCause: "宛先の確認不足" }), "2026-06-12");
    const lines = d.text.split("\n");
    expect(lines[0]).toBe("2026年6月12日");
    expect(lines).toContain("関係者各位");
    expect(lines).toContain("株式会社ルフト");
    expect(lines).toContain("山田 太郎");
    expect(lines).toContain(d.title);
    expect(d.title).toBe("個人データの漏えい等に関するお知らせとお詫び");
    expect(d.text).toContain("このたび、当社が取り扱う皆様の個人データについて、誤送信による個人データの漏えいが発生いたしました（2026年6月10日発覚）。");
    // The overview does not repeat the opening: the day it occurred and the record's description.
    expect(d.text).toContain("1. 概要\n発生日：2026年6月9日\n顧客20名分の連絡先一覧を添付したメールを取引先1社に誤送信した。");
    expect(d.text).toContain("3. 原因\n宛先の確認不足");
    expect(d.text).toContain("4. 二次被害又はそのおそれの有無及びその内容\n【要記入：二次被害又はそのおそれの有無及びその内容】");
    expect(d.missing).toEqual(["二次被害又はそのおそれの有無及びその内容", "再発防止のための措置", "お問い合わせ窓口"]);
    expect(lines[lines.length - 1]).toBe("以上");
    // Nothing of the UI language, nothing undefined.
    expect(d.text).not.toMatch(/undefined|null|[A-Za-z]{4,}/);
  });

  it("the notice uses the manager's overview when there is one, and adds other matters only when known", () => {
    const d = personsNoticeDraft(ctx({ reportOverview: "誤送信が発生しました。", reportOther: "受信者から削除済みの連絡を受けています。" }), "2026-06-12");
    expect(d.text).toContain("1. 概要\n誤送信が発生しました。");
    expect(d.text).toContain("6. その他参考となる事項\n受信者から削除済みの連絡を受けています。");
    expect(d.text).toContain("7. 本件に関するお問い合わせ先");
    expect(personsNoticeDraft(ctx(), "2026-06-12").text).not.toContain("その他参考となる事項");
  });

  it("the statement: dated, without an addressee, with the number of persons and the response to them", () => {
    const d = publicStatementDraft(ctx({ personsNotifiedOn: "2026-06-12" }), "2026-06-15");
    const lines = d.text.split("\n");
    expect(lines.slice(0, 3)).toEqual(["2026年6月15日", "", "株式会社ルフト"]);
    expect(lines).not.toContain("関係者各位");
    expect(d.title).toBe("個人データの漏えい等に関するお知らせ");
    expect(d.text).toContain("3. 対象となる方の人数\n20人");
    expect(d.text).toContain("6. 対象となる方への対応\n2026年6月12日に本人への通知を行った。");
    expect(d.missing).toEqual(["原因", "二次被害又はそのおそれの有無及びその内容", "再発防止のための措置", "お問い合わせ窓口"]);
  });

  it("both drafts in full, to the letter: heading, opening, numbered matters (other matters when known), contact, 以上", () => {
    const full = ctx(
      {
        category: "unauthorized_access",
        description: "会員サイトへの不正アクセスにより会員情報が閲覧された。",
        dataInvolved: "氏名、メールアドレス",
        personsAffected: 1200,
        sensitiveData: true,
        financialLoss: true,
        wrongfulPurpose: true,
        containment: "該当サーバーを切り離した。",
        reportCause: "脆弱性の放置",
        pmarkPreliminaryReportedOn: "2026-06-11",
        personsNotifiedOn: "2026-06-12",
      },
      {
        correctiveActions: [
          { description: "パッチ適用", owner: "情報システム部", dueOn: "2026-06-20", doneOn: "2026-06-18" },
          { description: "監視強化", owner: "情報システム部", dueOn: "2026-07-31", doneOn: null },
        ],
        registerItems: [{ code: "R-001", name: "会員情報" }],
        organization: { name: "株式会社ルフト", representative: "代表取締役 山田 太郎" },
      },
    );
    // Paragraphs, separated by a blank line; the matters the two share by their number-less text.
    const overview = "概要\n発生日：2026年6月9日\n会員サイトへの不正アクセスにより会員情報が閲覧された。";
    const items = "漏えい等が発生し、又は発生したおそれがある個人データの項目\n氏名、メールアドレス\n（個人情報管理台帳：R-001 会員情報）\n要配慮個人情報を含む。";
    const cause = "原因\n脆弱性の放置";
    const risk = "二次被害又はそのおそれの有無及びその内容\n有\n不正に利用されることにより財産的被害が生じるおそれがある。\n不正の目的をもって行われたおそれがある。";
    const measures = "再発防止のための措置\n・パッチ適用（担当：情報システム部、期限：2026年6月20日、2026年6月18日実施済み）\n・監視強化（担当：情報システム部、期限：2026年7月31日、実施中）";
    const contact = "本件に関するお問い合わせ先\n株式会社ルフト　【要記入：お問い合わせ窓口（部署・電話番号・受付時間）】";
    const company = "株式会社ルフト\n代表取締役 山田 太郎";
    const notice = personsNoticeDraft(full, "2026-06-15");
    expect(notice.text).toBe(
      [
        "2026年6月15日",
        "関係者各位",
        company,
        "個人データの漏えい等に関するお知らせとお詫び",
        "このたび、当社が取り扱う皆様の個人データについて、不正アクセスによる個人データの漏えい等が発生いたしました（2026年6月10日発覚）。皆様に多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。\n本件の概要等について、以下のとおりお知らせいたします。",
        `1. ${overview}`,
        `2. ${items}`,
        `3. ${cause}`,
        `4. ${risk}`,
        `5. ${measures}`,
        "6. その他参考となる事項\n封じ込め措置：該当サーバーを切り離した。\nプライバシーマーク審査機関への報告：速報 2026年6月11日",
        `7. ${contact}`,
        "以上",
      ].join("\n\n"),
    );
    expect(notice.missing).toEqual(["お問い合わせ窓口"]);
    const statement = publicStatementDraft(full, "2026-06-15");
    expect(statement.text).toBe(
      [
        "2026年6月15日",
        company,
        "個人データの漏えい等に関するお知らせ",
        "このたび、当社において不正アクセスによる個人データの漏えい等が発生したことが判明いたしました（2026年6月10日発覚）。関係者の皆様に多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。\nこれまでの調査で判明した事実と当社の対応について、以下のとおりお知らせいたします。",
        `1. ${overview}`,
        `2. ${items}`,
        "3. 対象となる方の人数\n1,200人",
        `4. ${cause}`,
        `5. ${risk}`,
        "6. 対象となる方への対応\n2026年6月12日に本人への通知を行った。",
        `7. ${measures}`,
        `8. ${contact}`,
        "以上",
      ].join("\n\n"),
    );
    expect(statement.missing).toEqual(["お問い合わせ窓口"]);
  });

  it("without an organisation name both drafts mark it missing", () => {
    const none = { organization: { name: "", representative: "" } };
    expect(personsNoticeDraft(ctx({}, none), "2026-06-12").missing[0]).toBe("事業者の名称");
    expect(publicStatementDraft(ctx({}, none), "2026-06-12").text).toContain("【要記入：事業者の名称】");
  });
});
