import { XLSX_CONTENT_TYPE } from "@/lib/list/export-format";
import { PACK_READERS, packQuery } from "@/lib/renewal/pack";
import { defineOperation } from "../operation";

/**
 * The renewal pack 更新申請サマリー (docs/domain.md, "The renewal pack"): the summaries of a P-mark
 * renewal application as one .xlsx workbook, generated from the records for a period.
 */
export const getRenewalPackWorkbook = defineOperation({
  id: "getRenewalPackWorkbook",
  method: "get",
  path: "/api/v1/renewal/pack",
  roles: PACK_READERS,
  tag: "renewal",
  summary: "The renewal pack as one .xlsx workbook, a sheet per document: cover, training summary, internal audits, management reviews, PMS organisation, list of PMS documents, changes since a day, and the correspondence table",
  description:
    "`from`/`to` (YYYY-MM-DD): the period, by default the last two complete fiscal years; `since`: the day changes are reported from, by default the current P-mark certificate's first valid day; `lang`: the documents' language, Japanese unless `en` (the assessment body reads Japanese). A period that runs backwards or spans more than five fiscal years is refused with 400.",
  query: packQuery,
  produces: XLSX_CONTENT_TYPE,
});
