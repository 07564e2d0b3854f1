import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { ScrollArea } from "@/components/ui/data-table";
import { operationAnchor, type Constraint, type FieldRow, type OperationView, type SchemaView, type TagView, type TypeView } from "@/lib/api-docs/reference";
import { ROLES, type Role } from "@/lib/auth/roles";

/**
 * The API reference drawn on the server (lib/api-docs/reference.ts): plain headings, tables and
 * links, no script. The page's own labels follow the user's language; the document's text
 * (summaries, descriptions) is English and marked so (lang="en").
 */

type T = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;

const METHOD_TONE = { get: "blue", post: "green", put: "amber", patch: "amber", delete: "red" } as const;
/** Indentation of a nested field (classes spelled out for Tailwind). */
const INDENT = ["pl-2", "pl-6", "pl-10", "pl-14", "pl-18", "pl-22", "pl-26", "pl-30"];
const th = "px-2 py-1.5 text-left text-xs font-semibold whitespace-nowrap uppercase tracking-wide text-slate-700";
const td = "px-2 py-1.5 align-top";

export function MethodBadge({ method }: { method: string }) {
  return <Badge tone={METHOD_TONE[method as keyof typeof METHOD_TONE] ?? "slate"}>{method.toUpperCase()}</Badge>;
}

function TypeText({ type }: { type: TypeView }) {
  const text = type.ref ? (
    <a href={`#schema-${type.ref}`} className="text-brand-700 underline">
      {type.text}
    </a>
  ) : (
    type.text
  );
  return (
    <code className="text-xs break-words text-slate-800">
      {text}
      {type.nullable ? " | null" : ""}
    </code>
  );
}

function constraintText(t: T, c: Constraint): string {
  switch (c.kind) {
    case "enum":
      return `${t("constraint.enum", { values: c.values.join(", ") })}${c.more ? ` ${t("constraint.more", { count: c.more })}` : ""}`;
    case "format":
    case "pattern":
    case "default":
      return t(`constraint.${c.kind}`, { value: c.value });
    default:
      return t(`constraint.${c.kind}`, { value: c.value });
  }
}

function Constraints({ t, items }: { t: T; items: Constraint[] }) {
  if (!items.length) return null;
  return (
    <ul className="mt-0.5 space-y-0.5 text-xs text-slate-700">
      {items.map((c, i) => (
        <li key={i} className="break-words">
          {constraintText(t, c)}
        </li>
      ))}
    </ul>
  );
}

function Required({ t, required }: { t: T; required: boolean }) {
  return required ? <span className="text-xs font-semibold text-red-800">{t("required")}</span> : <span className="text-xs text-slate-600">{t("optional")}</span>;
}

/** A field's or a parameter's type, required and description cells; `children` adds to the description. */
function DescribedCells({ t, item, children }: { t: T; item: Pick<FieldRow, "type" | "required" | "description" | "constraints">; children?: ReactNode }) {
  return (
    <>
      <td className={td}>
        <TypeText type={item.type} />
      </td>
      <td className={td}>
        <Required t={t} required={item.required} />
      </td>
      <td className={`${td} text-slate-800`}>
        {item.description ? <span lang="en">{item.description}</span> : null}
        <Constraints t={t} items={item.constraints} />
        {children}
      </td>
    </>
  );
}

/** A column header of RefTable: its text, or its text and extra classes. */
type Column = string | { label: string; className: string };

/**
 * Every table of the reference: named by `label` (its aria-label and its scroll area's), a row of
 * column headers and the rows given as children; `className` adds to the table's own classes.
 */
function RefTable({ label, columns, className, children }: { label: string; columns: Column[]; className?: string; children: ReactNode }) {
  return (
    <ScrollArea label={label}>
      <table aria-label={label} className={`w-full min-w-[36rem] border-collapse ${className ? `${className} ` : ""}text-sm`}>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={typeof c === "string" ? th : `${th} ${c.className}`}>
                {typeof c === "string" ? c : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </ScrollArea>
  );
}

export function FieldsTable({ t, rows, label }: { t: T; rows: FieldRow[]; label: string }) {
  return (
    <RefTable label={label} columns={[t("colField"), t("colType"), t("colRequired"), t("colDescription")]}>
      {rows.map((r) => (
        <tr key={r.path}>
          <th scope="row" className={`${td} ${INDENT[Math.min(r.depth, INDENT.length - 1)]} text-left font-normal`}>
            <code className="text-xs break-all text-slate-900">{r.path}</code>
          </th>
          <DescribedCells t={t} item={r} />
        </tr>
      ))}
    </RefTable>
  );
}

function Example({ t, text }: { t: T; text: string }) {
  return (
    <div className="mt-2">
      <p className="text-xs font-semibold text-slate-700">{t("example")}</p>
      {/* Focusable: a long example scrolls inside its box (axe "scrollable-region-focusable"). */}
      <pre tabIndex={0} aria-label={t("example")} className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-2 text-xs text-white">
        {text}
      </pre>
    </div>
  );
}

function Operation({ t, op, roleName }: { t: T; op: OperationView; roleName: (r: string) => string }) {
  const anchor = operationAnchor(op.id);
  const success = op.responses.filter((r) => r.fields.length > 0 && r.status.startsWith("2"));
  return (
    <section id={anchor} aria-labelledby={`${anchor}-h`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={`${anchor}-h`} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
        <MethodBadge method={op.method} />
        <code className="break-all">{op.path}</code>
      </h3>
      <p className="mt-1 text-sm break-words text-slate-800" lang="en">
        {op.summary}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("operationId")}</dt>
        <dd>
          <code className="text-xs break-all">{op.id}</code>
        </dd>
        <dt className="text-slate-600">{t("roles")}</dt>
        <dd>{op.signedIn ? op.roles.map(roleName).join(t("listSeparator")) : t("public")}</dd>
      </dl>
      {op.description ? (
        <p className="mt-2 text-sm break-words whitespace-pre-line text-slate-700" lang="en">
          {op.description}
        </p>
      ) : null}

      {op.parameters.length ? (
        <>
          <h4 className="mt-4 mb-1 text-sm font-semibold text-slate-900">{t("parameters")}</h4>
          <RefTable label={`${t("parameters")}: ${op.id}`} columns={[t("colName"), t("colIn"), t("colType"), t("colRequired"), t("colDescription")]}>
            {op.parameters.map((p) => (
              <tr key={`${p.in}:${p.name}`}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  <code className="text-xs text-slate-900">{p.name}</code>
                </th>
                <td className={`${td} text-xs text-slate-800`}>{t(`in.${p.in === "path" || p.in === "query" || p.in === "header" ? p.in : "cookie"}`)}</td>
                <DescribedCells t={t} item={p}>
                  {p.example !== undefined ? <p className="mt-0.5 text-xs text-slate-700">{t("exampleValue", { value: p.example })}</p> : null}
                </DescribedCells>
              </tr>
            ))}
          </RefTable>
        </>
      ) : null}

      {op.body ? (
        <>
          <h4 className="mt-4 mb-1 text-sm font-semibold text-slate-900">
            {t("requestBody")} <code className="text-xs font-normal text-slate-700">{op.body.contentType}</code>
          </h4>
          {op.body.description ? (
            <p className="mb-1 text-sm break-words text-slate-700" lang="en">
              {op.body.description}
            </p>
          ) : null}
          {op.body.fields.length ? (
            <FieldsTable t={t} rows={op.body.fields} label={`${t("requestBody")}: ${op.id}`} />
          ) : (
            <p className="text-sm">
              <TypeText type={op.body.type} />
            </p>
          )}
          {op.body.example ? <Example t={t} text={op.body.example} /> : null}
        </>
      ) : null}

      <h4 className="mt-4 mb-1 text-sm font-semibold text-slate-900">{t("responses")}</h4>
      <RefTable label={`${t("responses")}: ${op.id}`} columns={[t("colStatus"), t("colDescription"), t("colBody")]}>
        {op.responses.map((r) => (
          <tr key={r.status}>
            <th scope="row" className={`${td} text-left font-normal`}>
              <code className="text-xs text-slate-900">{r.status}</code>
            </th>
            <td className={`${td} text-slate-800`} lang="en">
              {r.description}
            </td>
            <td className={td}>
              {r.contentType ? (
                <>
                  <code className="block text-xs text-slate-700">{r.contentType}</code>
                  {r.type ? <TypeText type={r.type} /> : null}
                </>
              ) : (
                <span className="text-xs text-slate-600">{t("noBody")}</span>
              )}
            </td>
          </tr>
        ))}
      </RefTable>
      {success.map((r) => (
        <details key={r.status} className="mt-2">
          <summary className="cursor-pointer text-sm text-brand-700 underline">{t("responseFields", { status: r.status, count: r.fields.length })}</summary>
          <div className="mt-1">
            <FieldsTable t={t} rows={r.fields} label={t("responseFields", { status: r.status, count: r.fields.length })} />
          </div>
        </details>
      ))}
    </section>
  );
}

export async function TagOperations({ tag, roleName }: { tag: TagView; roleName: (r: string) => string }) {
  const t = await getTranslations("apiDocs");
  return (
    <section aria-labelledby="tag-h" className="space-y-4">
      <h2 id="tag-h" className="text-lg font-semibold text-slate-900">
        {tag.name} <span className="text-sm font-normal text-slate-600">({t("operationsCount", { count: tag.operations.length })})</span>
      </h2>
      <nav aria-label={t("inThisSection")} className="rounded-lg border border-slate-200 bg-white p-3">
        <ul className="divide-y divide-slate-100 text-sm">
          {tag.operations.map((op) => (
            <li key={op.id} className="py-1.5">
              <span className="flex flex-wrap items-center gap-2">
                <MethodBadge method={op.method} />
                <a href={`#${operationAnchor(op.id)}`} className="break-all text-brand-700 underline">
                  {op.path}
                </a>
              </span>
              <span className="mt-0.5 block break-words text-slate-700" lang="en">
                {op.summary}
              </span>
            </li>
          ))}
        </ul>
      </nav>
      {tag.operations.map((op) => (
        <Operation key={op.id} t={t} op={op} roleName={roleName} />
      ))}
    </section>
  );
}

export async function Overview({ tags }: { tags: TagView[] }) {
  const t = await getTranslations("apiDocs");
  return (
    <div className="space-y-6">
      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`}>
          <h2 id={`tag-${tag.name}`} className="mb-2 text-lg font-semibold text-slate-900">
            <Link href={`/api-docs?tag=${encodeURIComponent(tag.name)}`} className="text-brand-700 underline">
              {tag.name}
            </Link>{" "}
            <span className="text-sm font-normal text-slate-600">({t("operationsCount", { count: tag.operations.length })})</span>
          </h2>
          <RefTable
            label={t("operationsOf", { tag: tag.name })}
            columns={[{ label: t("colMethod"), className: "w-20" }, t("colPath"), t("colSummary")]}
            className="rounded-lg border border-slate-200 bg-white"
          >
            {tag.operations.map((op) => (
              <tr key={op.id}>
                <td className={td}>
                  <MethodBadge method={op.method} />
                </td>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {/* The path keeps a readable width on a phone (the table scrolls), as the list kit's textWidth. */}
                  <div className="min-w-[12rem] lg:min-w-0">
                    <Link href={`/api-docs?tag=${encodeURIComponent(tag.name)}#${operationAnchor(op.id)}`} className="break-all text-brand-700 underline">
                      <code className="text-xs">{op.path}</code>
                    </Link>
                  </div>
                </th>
                <td className={`${td} text-slate-800`} lang="en">
                  {op.summary}
                </td>
              </tr>
            ))}
          </RefTable>
        </section>
      ))}
    </div>
  );
}

export async function SharedSchemas({ schemas }: { schemas: SchemaView[] }) {
  const t = await getTranslations("apiDocs");
  if (!schemas.length) return null;
  return (
    <section aria-labelledby="schemas-h" className="mt-8 space-y-3">
      <h2 id="schemas-h" className="text-lg font-semibold text-slate-900">
        {t("schemas")}
      </h2>
      {schemas.map((s) => (
        <section key={s.name} id={`schema-${s.name}`} aria-labelledby={`schema-${s.name}-h`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id={`schema-${s.name}-h`} className="mb-2 text-base font-semibold text-slate-900">
            <code>{s.name}</code>
          </h3>
          {s.fields.length ? <FieldsTable t={t} rows={s.fields} label={s.name} /> : <TypeText type={s.type} />}
        </section>
      ))}
    </section>
  );
}

/** A role's name in the user's language (the document's x-roles are the role ids). */
export async function roleNamer(): Promise<(r: string) => string> {
  const t = await getTranslations("roles");
  return (r: string) => ((ROLES as readonly string[]).includes(r) ? t(r as Role) : r);
}
