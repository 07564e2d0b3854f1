import type { DraftText } from "@/lib/incidents/regulator-outputs";

/**
 * A letter-like Japanese draft (the notice, the statement) laid out as such documents are: the date
 * and the sender on the right, the addressee on the left, the title centred, numbered headings bold,
 * 以上 on the right. The text itself is the pure draft's, line for line, so that what prints is what
 * the copy button copies.
 */
export function DraftDocument({ draft }: { draft: DraftText }) {
  const lines = draft.text.split("\n");
  const titleAt = lines.indexOf(draft.title);
  return (
    <article lang="ja" className="rounded-lg border border-slate-300 bg-white p-6 text-sm leading-relaxed text-slate-900 shadow-sm sm:p-10">
      {lines.map((line, i) => {
        if (line === "") return <div key={i} className="h-3" aria-hidden="true" />;
        if (i === titleAt)
          return (
            <h2 key={i} className="my-2 text-center text-base font-bold">
              {line}
            </h2>
          );
        if (i < titleAt) return <p key={i} className={line.endsWith("各位") ? "text-left" : "text-right"}>{line}</p>;
        if (line === "以上") return <p key={i} className="text-right">{line}</p>;
        if (/^\d+\. /.test(line))
          return (
            <h3 key={i} className="keep mt-1 font-semibold">
              {line}
            </h3>
          );
        return (
          <p key={i} className={`whitespace-pre-wrap ${line.includes("【要記入") ? "text-amber-800" : ""}`}>
            {line}
          </p>
        );
      })}
    </article>
  );
}
