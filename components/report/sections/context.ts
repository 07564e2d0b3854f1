import { getLocale, getTranslations } from "next-intl/server";
import type { ManagementReviewReport as ReportData } from "@/db/queries/report";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { sectionNumber } from "@/lib/report/shape";
import { formatRate } from "@/components/training/status/format";

type TopSection = "summary" | "charts" | "openItems" | "notes";
type Translator<N extends "report" | "incidents" | "findings" | "contractors" | "assessments" | "pmark"> = Awaited<ReturnType<typeof getTranslations<N>>>;

/** What every section of the report shares: the data, the language, number formats and numbered headings. */
export type ReportContext = {
  data: ReportData;
  /**
   * The translations, read once here: the sections are plain (synchronous) components, so the report
   * renders as one piece rather than as separately streamed segments.
   */
  t: Translator<"report">;
  tInc: Translator<"incidents">;
  tFind: Translator<"findings">;
  tCon: Translator<"contractors">;
  tAss: Translator<"assessments">;
  tPmark: Translator<"pmark">;
  locale: "ja" | "en";
  /** Between a section number and its title: a full-width space in Japanese, two spaces' worth in English. */
  gap: string;
  fyLabel: string;
  num: (n: number) => string;
  /** The training pages' own format (one decimal always), so the figures read the same. */
  pct: (r: number | null) => string;
  childTitle: (section: "summary" | "charts" | "openItems", key: string) => string;
  /** "1.2　Regulations": the section's number and title, or its child's. */
  heading: (section: TopSection, child?: string) => string;
};

export async function reportContext(data: ReportData): Promise<ReportContext> {
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  const [t, tInc, tFind, tCon, tAss, tPmark] = await Promise.all([
    getTranslations("report"),
    getTranslations("incidents"),
    getTranslations("findings"),
    getTranslations("contractors"),
    getTranslations("assessments"),
    getTranslations("pmark"),
  ]);
  const gap = locale === "ja" ? "　" : "\u2002";
  const childTitle = (section: "summary" | "charts" | "openItems", key: string) => t(`${section}.${key}` as "summary.training");
  return {
    data,
    t,
    tInc,
    tFind,
    tCon,
    tAss,
    tPmark,
    locale,
    gap,
    fyLabel: fiscalYearLabel(data.fiscalYear, locale),
    num: (n: number) => n.toLocaleString(locale === "ja" ? "ja-JP" : "en-US"),
    pct: (r: number | null) => formatRate(r, locale),
    childTitle,
    heading: (section: TopSection, child?: string) =>
      `${sectionNumber(section, child)}${gap}${child && section !== "notes" ? childTitle(section, child) : t(`sections.${section}`)}`,
  };
}
