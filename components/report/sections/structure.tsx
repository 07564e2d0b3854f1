import type { ReportContext } from "./context";
import { Figures, Part } from "./layout";

/** The PMS structure 体制: the posts, and those nobody holds today. */
export function StructureSummary({ ctx }: { ctx: ReportContext }) {
  const { t, data, num, heading } = ctx;
  return (
    <Part title={heading("summary", "structure")}>
      <Figures
        rows={[
          [t("structure.posts"), num(data.structure.posts)],
          [t("structure.gaps"), <strong key="g">{num(data.structure.gaps.length)}</strong>],
        ]}
      />
      {data.structure.gaps.length ? (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {data.structure.gaps.map((g) => (
            <li key={g.id}>{g.departmentName ? t("structure.gapItem", { title: g.title, department: g.departmentName }) : g.title}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm">{t("structure.gapsNone")}</p>
      )}
    </Part>
  );
}
