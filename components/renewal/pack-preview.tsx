import { formatDate } from "@/lib/dates";
import type { ExportCell, ExportColumn } from "@/lib/list/export-table";
import type { PackDocument, PackSheet } from "@/lib/renewal/pack";

/**
 * The renewal pack's documents as the page shows and prints them: the same sheets the workbook has
 * (lib/renewal/pack.ts), one table each, in the documents' language (`lang`), the page's chrome around
 * them in the user's.
 */
export function PackPreview({ documents, lang, emptyText, rowsText }: { documents: PackDocument[]; lang: "ja" | "en"; emptyText: string; rowsText: (n: number) => string }) {
  return (
    <div lang={lang} className="space-y-6">
      {documents.map((doc, i) => (
        <section key={doc.key} id={`doc-${doc.key}`} aria-labelledby={`doc-${doc.key}-title`} className={`pack-doc rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${i > 0 ? "pack-break" : ""}`}>
          <h2 id={`doc-${doc.key}-title`} className="text-lg font-semibold text-slate-900">
            {doc.title}
          </h2>
          <div className="mt-3 space-y-5">
            {doc.sheets.map((sheet) => (
              <SheetTable key={sheet.key} sheet={sheet} showTitle={doc.sheets.length > 1 || sheet.title !== doc.title} emptyText={emptyText} rowsText={rowsText} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function SheetTable({ sheet, showTitle, emptyText, rowsText }: { sheet: PackSheet; showTitle: boolean; emptyText: string; rowsText: (n: number) => string }) {
  const captionId = `sheet-${sheet.key}-caption`;
  return (
    <div className="space-y-2">
      {showTitle ? (
        <h3 id={captionId} className="text-base font-semibold text-slate-800">
          {sheet.title}
        </h3>
      ) : null}
      {sheet.note ? <p className="text-xs text-slate-600">{sheet.note}</p> : null}
      {sheet.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-600">{emptyText}</p>
      ) : (
        <div className="pack-scroll overflow-x-auto" tabIndex={0} role="region" aria-label={`${sheet.title} (${rowsText(sheet.rows.length)})`}>
          {/* Wide sheets keep a readable width and scroll sideways (on a phone) instead of squeezing every column. */}
          <table className="pack-table min-w-full border-collapse text-xs" style={{ minWidth: `${minWidthRem(sheet.columns)}rem` }}>
            <thead>
              <tr>
                {sheet.columns.map((c, i) => (
                  <th key={i} scope="col" className={`border border-slate-300 bg-slate-100 px-2 py-1 text-left font-semibold text-slate-800 ${c.type === "number" ? "min-w-[4.5rem] lg:min-w-14" : "min-w-24 lg:min-w-20"}`}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((row, r) => (
                <tr key={r}>
                  {sheet.columns.map((c, i) => (
                    <td key={i} className={`border border-slate-300 px-2 py-1 align-top text-slate-900 ${c.type === "number" ? "text-right tabular-nums" : c.type === "date" ? "whitespace-nowrap" : "min-w-20 whitespace-pre-line"}`}>
                      {cellText(c, row[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The narrowest a sheet's table may get before it scrolls: 5rem a text or date column, 3.5rem a number. */
function minWidthRem(columns: readonly ExportColumn[]): number {
  return columns.reduce((w, c) => w + (c.type === "number" ? 3.5 : 5), 0);
}

/** A cell as the workbook shows it: dates yyyy/MM/dd, numbers as they are, nothing for empty. */
export function cellText(column: ExportColumn, value: ExportCell): string {
  if (value === null || value === undefined) return "";
  if (column.type === "date" || column.type === "datetime" || value instanceof Date) return formatDate(value as string | Date);
  return String(value);
}
