import { formatDate } from "@/lib/dates";
import type { ReportContext } from "./context";
import { Section } from "./layout";

/** Changes in law and other inputs: what the latest review recorded, and a box to write in on paper. */
export function Notes({ ctx }: { ctx: ReportContext }) {
  const { t } = ctx;
  const mr = ctx.data.managementReviews;
  return (
    <Section id="notes" title={ctx.heading("notes")}>
      <p className="text-sm text-slate-700">{t("notes.intro")}</p>
      {mr.latest ? (
        <div className="report-keep mt-3 space-y-3">
          <p className="text-sm font-medium">{t("notes.recordedFrom", { date: formatDate(mr.latest.heldOn), title: mr.latest.title })}</p>
          <dl className="space-y-3 text-sm">
            {(
              [
                ["lawChanges", mr.latest.inputLawChanges],
                ["other", mr.latest.inputOther],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt className="font-semibold">{t(`notes.${k}`)}</dt>
                <dd className="mt-1 whitespace-pre-wrap rounded border border-slate-300 p-2">{v?.trim() ? v : t("notes.notRecorded")}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : (
        <p className="mt-3 text-sm">{t("notes.noReview")}</p>
      )}
      {/* The system cannot know what changed in law: a box to write in, on paper. */}
      <div className="report-keep mt-4" data-testid="report-notes-blank">
        <h3 className="text-sm font-semibold">{t("notes.blankTitle")}</h3>
        <p className="text-xs text-slate-700">{t("notes.blankHint")}</p>
        <div aria-hidden="true" className="report-blank mt-2 h-64 rounded border border-slate-500 bg-[repeating-linear-gradient(to_bottom,transparent_0,transparent_31px,#cbd5e1_31px,#cbd5e1_32px)]" />
      </div>
    </Section>
  );
}
