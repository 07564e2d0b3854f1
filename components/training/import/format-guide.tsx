import { getTranslations } from "next-intl/server";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/training/import";
import { Badge } from "@/components/ui/card";

const REQUIREMENT: Record<string, "required" | "optional" | "conditional"> = {
  employeeNumber: "required",
  courseCode: "required",
  completedOn: "required",
  score: "conditional",
  method: "optional",
  evidence: "optional",
};

/** What the file must look like: the column table in the reader's language, and a template to start from. */
export async function FormatGuide({ open }: { open: boolean }) {
  const t = await getTranslations("import");
  const th = "whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700";
  return (
    <details open={open} className="group rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-base font-semibold text-slate-900 marker:text-slate-500">{t("format.title")}</summary>
      <div className="mt-3 space-y-3 text-sm text-slate-700">
        <p>{t("format.intro")}</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("format.caption")}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>
                  {t("format.column")}
                </th>
                <th scope="col" className={th}>
                  {t("format.headers")}
                </th>
                <th scope="col" className={th}>
                  {t("format.requirement")}
                </th>
                <th scope="col" className={th}>
                  {t("format.content")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {IMPORT_COLUMNS.map((c) => {
                const req = REQUIREMENT[c.key];
                return (
                  <tr key={c.key}>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-900">
                      {t(`columns.${c.key}`)}
                    </th>
                    <td className="px-3 py-2">
                      <span className="flex flex-wrap gap-1">
                        {c.headers.map((h) => (
                          <code key={h} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                            {h}
                          </code>
                        ))}
                      </span>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <Badge tone={req === "required" ? "red" : req === "conditional" ? "amber" : "slate"}>{t(`format.${req}`)}</Badge>
                    </td>
                    <td className="min-w-64 px-3 py-2">{t(`format.help.${c.key}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>{t("format.encodingNote")}</p>
        <p>{t("format.limitsNote", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024, maxRows: IMPORT_MAX_ROWS })}</p>
        <div className="flex flex-wrap items-center gap-3">
          <a
            href="/api/v1/training-records/import/template.csv"
            download
            className="inline-flex min-h-9 items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {t("format.template")}
          </a>
          <span className="text-xs text-slate-600">{t("format.templateHint")}</span>
        </div>
      </div>
    </details>
  );
}
