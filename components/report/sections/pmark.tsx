import { formatDate } from "@/lib/dates";
import type { ReportContext } from "./context";
import { Figures, Part } from "./layout";

/** The P-mark certificate プライバシーマーク: its validity and the renewal window. */
export function PmarkSummary({ ctx }: { ctx: ReportContext }) {
  const { t, tPmark, data, heading } = ctx;
  return (
    <Part title={heading("summary", "pmark")}>
      {data.pmark ? (
        <Figures
          rows={[
            [t("pmark.number"), data.pmark.certificateNumber],
            [t("pmark.validity"), t("pmark.validityValue", { from: formatDate(data.pmark.validFrom), to: formatDate(data.pmark.validTo) })],
            [t("pmark.window"), t("pmark.windowValue", { opens: formatDate(data.pmark.window.opensOn), closes: formatDate(data.pmark.window.closesOn) })],
            [
              t("pmark.state"),
              <strong key="s">
                {t("pmark.stateValue", {
                  state: tPmark(`window.state.${data.pmark.window.state}`),
                  days: tPmark(`window.daysLeft.${data.pmark.window.state}`, { days: data.pmark.window.daysLeft }),
                })}
              </strong>,
            ],
          ]}
        />
      ) : (
        <p className="text-sm">{t("pmark.none")}</p>
      )}
    </Part>
  );
}
