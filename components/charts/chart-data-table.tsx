import Link from "@/components/ui/link";

export type ChartTableRow = { key: string; label: string; value: string; href?: string };

/**
 * The chart's numbers as a table behind a disclosure: what keyboard and screen-reader users
 * (and anyone who wants exact figures) use instead of the picture. Each label links where a
 * click on the bar would go.
 */
export function ChartDataTable({
  toggle,
  caption,
  labelHeader,
  valueHeader,
  rows,
}: {
  toggle: string;
  caption: string;
  labelHeader: string;
  valueHeader: string;
  rows: ChartTableRow[];
}) {
  return (
    <details className="mt-2 text-sm">
      <summary className="inline-block cursor-pointer rounded px-1 text-brand-700 underline-offset-2 hover:underline">{toggle}</summary>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              {labelHeader}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {r.href ? (
                  <Link href={r.href} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
                    {r.label}
                  </Link>
                ) : (
                  r.label
                )}
              </th>
              <td className="py-1 text-right tabular-nums">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
