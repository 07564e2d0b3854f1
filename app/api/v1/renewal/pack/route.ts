import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/renewal-pack";
import { ValidationError } from "@/lib/api/errors";
import { exportWorkbookResponse } from "@/db/queries/exports";
import { getRenewalPack, packContext } from "@/db/queries/renewal-pack";
import { translateKey } from "@/lib/i18n/messages";
import { buildPack, packFileName, resolvePackParams, type Translate } from "@/lib/renewal/pack";

/** The renewal pack as one workbook: a sheet per document, in the documents' language (Japanese by default). */
export const GET = handle(ops.getRenewalPackWorkbook, async ({ query, user }) => {
  const ctx = await packContext();
  const resolved = resolvePackParams(query, ctx);
  if (resolved.errors) throw new ValidationError(resolved.errors);
  const lang = resolved.params.lang;
  const t: Translate = (key, values) => translateKey(lang, key, values);
  const docs = buildPack(await getRenewalPack(resolved.params, ctx.today), t);
  return exportWorkbookResponse(
    docs.flatMap((d) => d.sheets.map(({ sheetName, columns, rows }) => ({ sheetName, columns, rows }))),
    packFileName(resolved.params, t),
    { user, entity: "renewal_pack", filters: { ...resolved.params } },
  );
});
