import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { registerExport } from "@/db/queries/register";
import { exportWorkbookResponse } from "@/db/queries/exports";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { REGISTER_COLUMN_KEYS, registerHeader } from "@/lib/register/import";
import { riskScore } from "@/lib/register/risk";

/**
 * The register and its risk analysis as one workbook (docs/domain.md §6): the register sheet has the
 * import's columns (so it can be edited and imported back) plus the status and the next review due;
 * the risk sheet one row per risk. Headers and labels in the caller's language; stages, risks and
 * safeguards carry the risk analysis's own labels (messages registerRisks.*), as on screen.
 */

const DATE_KEYS = new Set(["lastReviewedOn", "nextReviewDueOn"]);
const NUMBER_KEYS = new Set(["personCount", "reviewIntervalMonths"]);

export const GET = handle(ops.exportRegister, async ({ query, locale, user }) => {
  const t = translator(locale);
  // The items and their risks in one snapshot, read by the filter (not by a list of the items' ids).
  const { items, risks } = await registerExport(query);
  const order = new Map(items.map((i, n) => [i.id, n]));
  risks.sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!);
  const byId = new Map(items.map((i) => [i.id, i]));
  const sep = locale === "ja" ? "、" : ", ";

  const registerKeys = [...REGISTER_COLUMN_KEYS, "nextReviewDueOn", "status"] as const;
  const registerColumns: ExportColumn[] = registerKeys.map((k) => ({
    header: k === "nextReviewDueOn" || k === "status" ? t(`register.fields.${k}`) : registerHeader(locale, k),
    type: DATE_KEYS.has(k) ? "date" : NUMBER_KEYS.has(k) ? "number" : "text",
  }));
  const registerRows = items.map((i) =>
    registerKeys.map((k) => {
      switch (k) {
        case "kind":
          return t(`register.kind.${i.kind}`);
        case "form":
          return t(`register.form.${i.form}`);
        case "acquisitionMethod":
          return t(`register.acquisition.${i.acquisitionMethod}`);
        case "provision":
          return t(`register.provision.${i.provision}`);
        case "dataSubjects":
        case "dataItems":
        case "abroadCountries":
          return i[k].join(sep);
        case "purposeIds":
          // One purpose per line: its text may itself hold 、 (the import reads it back by line).
          return i.purposes.map((p) => `${p.code} ${p.text}`).join("\n");
        case "contractorIds":
          return i.contractors.map((c) => c.name).join("\n");
        case "ownerDepartmentId":
          return i.ownerDepartmentName;
        case "status":
          return t(`register.status.${i.retiredAt ? "retired" : "active"}`);
        default:
          return i[k];
      }
    }),
  );

  const riskKeys = [
    "itemCode",
    "itemName",
    "stage",
    "threat",
    "description",
    "likelihood",
    "impact",
    "level",
    "countermeasures",
    "residualLikelihood",
    "residualImpact",
    "residualLevel",
    "acceptedOn",
    "acceptedBy",
    "acceptanceNote",
  ] as const;
  const riskColumns: ExportColumn[] = riskKeys.map((k) => ({
    header: t(`register.export.risk.${k}`),
    type: k === "acceptedOn" ? "date" : ["likelihood", "impact", "level", "residualLikelihood", "residualImpact", "residualLevel"].includes(k) ? "number" : "text",
  }));
  const riskRows = risks.map((r) => {
    const item = byId.get(r.itemId)!;
    return [
      item.code,
      item.name,
      t(`registerRisks.stage.${r.stage}`),
      t(`registerRisks.threat.${r.threat}`),
      r.description,
      r.likelihood,
      r.impact,
      riskScore({ likelihood: r.likelihood, impact: r.impact }),
      r.countermeasures.map((c) => t("register.export.countermeasure", { safeguard: t(`registerRisks.safeguard.${c.safeguard}`), text: c.description })).join("\n"),
      r.residualLikelihood,
      r.residualImpact,
      riskScore({ likelihood: r.residualLikelihood, impact: r.residualImpact }),
      r.acceptedOn,
      r.acceptedByName,
      r.acceptanceNote,
    ];
  });

  return exportWorkbookResponse(
    [
      { sheetName: t("register.export.registerSheet"), columns: registerColumns, rows: registerRows },
      { sheetName: t("register.export.riskSheet"), columns: riskColumns, rows: riskRows },
    ],
    `${t("register.export.fileName")}_${todayInTokyo()}`,
    { user, entity: "register_item", filters: query },
  );
});
