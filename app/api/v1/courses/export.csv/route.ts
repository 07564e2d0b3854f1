import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/courses";
import { listCoursesForExport } from "@/db/queries/courses";
import { listDepartmentOptions } from "@/db/queries/training-records";
import { todayInTokyo } from "@/lib/dates";
import { translateKey, translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";
import { audienceParts, courseRuleSummary } from "@/lib/training/courses-schema";

const COLUMNS = [
  ["code"], ["title"], ["audience"], ["recurrence"], ["newHireDue"], ["passMark", "number"], ["requiredFrom", "date"], ["records", "number"], ["status"], ["description"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportCourses, async ({ query: { format, ...query }, locale, user }) => {
  const [rows, departments] = await Promise.all([listCoursesForExport(query), listDepartmentOptions({ includeRetired: true })]);
  const t = translator(locale);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const sep = t("courses.listSeparator");
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: translateKey(locale, `courses.csv.${k}`), type })),
      rows: rows.map((c) => {
        const a = audienceParts(c, (id) => deptName.get(id));
        const [recurrence, due] = courseRuleSummary(c).map((m) => translateKey(locale, m.key, m.values));
        return [
          c.code,
          c.title,
          a.all ? t("courses.audience.all") : [...a.departments, ...a.employmentTypes.map((x) => t(`courses.employmentTypes.${x}`))].join(sep),
          recurrence,
          due,
          c.passMark === null ? "" : c.passMark,
          c.requiredFrom,
          c.recordCount,
          c.retiredAt ? t("common.retired") : t("common.active"),
          c.description,
        ];
      }),
      fileName: `${t("courses.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("courses.csv.fileName"),
    },
    format,
    { user, entity: "course", filters: query },
  );
});
