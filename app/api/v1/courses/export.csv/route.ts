import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/courses";
import { listCoursesForExport } from "@/db/queries/courses";
import { listDepartmentOptions } from "@/db/queries/training-records";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translateKey, translator } from "@/lib/i18n/messages";
import { audienceParts, courseRuleSummary } from "@/lib/training/courses-schema";

export const GET = handle(ops.exportCourses, async ({ query, locale }) => {
  const [rows, departments] = await Promise.all([listCoursesForExport(query), listDepartmentOptions({ includeRetired: true })]);
  const t = translator(locale);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const sep = t("courses.listSeparator");
  const header = ["code", "title", "audience", "recurrence", "newHireDue", "passMark", "requiredFrom", "records", "status", "description"].map((k) =>
    translateKey(locale, `courses.csv.${k}`),
  );
  const data = rows.map((c) => {
    const a = audienceParts(c, (id) => deptName.get(id));
    const [recurrence, due] = courseRuleSummary(c).map((m) => translateKey(locale, m.key, m.values));
    return [
      c.code,
      c.title,
      a.all ? t("courses.audience.all") : [...a.departments, ...a.employmentTypes.map((x) => t(`courses.employmentTypes.${x}`))].join(sep),
      recurrence,
      due,
      c.passMark === null ? "" : c.passMark,
      formatDate(c.requiredFrom),
      c.recordCount,
      c.retiredAt ? t("common.retired") : t("common.active"),
      c.description,
    ];
  });
  return csvResponse(toCsv(header, data), `${t("courses.csv.fileName")}_${todayInTokyo()}.csv`);
});
