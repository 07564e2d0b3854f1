"use client";

import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { todayInTokyo } from "@/lib/dates";
import type { EvidenceRecordKind } from "@/lib/evidence/kinds";
import type { EvidenceListDto } from "@/lib/evidence/schema";
import { EvidencePanel } from "./evidence-panel";
import { evidenceKeys, evidenceUrls } from "./keys";

/**
 * The evidence of a child record shown in its parent's page (a regulation's versions and review
 * minutes, an incident's corrective actions, a contractor's assessments, an audit's findings): a
 * toggle "Evidence files (n)" per row that opens the full evidence panel, so a page with many rows
 * stays short. The count comes from the same query the panel uses, so opening is instant.
 *
 * In a list item, `ChildEvidence` puts the panel under the toggle. In a table row the panel needs
 * the table's width: put `ChildEvidenceToggle` in a cell and `ChildEvidencePanel` in a row of its
 * own below (the parent holds which rows are open).
 */
export function ChildEvidence({ kind, recordId, label }: { kind: EvidenceRecordKind; recordId: number; label: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="mt-2">
      <ChildEvidenceToggle kind={kind} recordId={recordId} label={label} open={open} onToggle={() => setOpen((v) => !v)} panelId={panelId} />
      <ChildEvidencePanel kind={kind} recordId={recordId} label={label} open={open} id={panelId} className="mt-2" />
    </div>
  );
}

export function ChildEvidenceToggle({
  kind,
  recordId,
  label,
  open,
  onToggle,
  panelId,
}: {
  kind: EvidenceRecordKind;
  recordId: number;
  /** What the record is called on the page ("Version 3", "the finding of 2026-05-12"), for screen readers. */
  label: string;
  open: boolean;
  onToggle: () => void;
  panelId: string;
}) {
  const t = useTranslations("evidence");
  const q = useQuery({ queryKey: evidenceKeys.list(kind, recordId), queryFn: () => apiFetch<EvidenceListDto>(evidenceUrls.list(kind, recordId)) });
  const count = q.data?.items.length;
  const values = { state: count === undefined ? "loading" : "ready", count: count ?? 0 };
  const name = shortLabel(label);
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 rounded text-sm font-medium whitespace-nowrap text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      aria-expanded={open}
      aria-controls={panelId}
      aria-label={t("child.toggleFor", { label: name, ...values })}
      onClick={onToggle}
    >
      <span aria-hidden="true">{open ? "▾" : "▸"}</span>
      {t("child.toggle", values)}
    </button>
  );
}

/** The panel, titled with the child record's name so that it is not a second "Evidence files" region beside the parent's. */
export function ChildEvidencePanel({
  kind,
  recordId,
  label,
  open,
  id,
  className,
}: {
  kind: EvidenceRecordKind;
  recordId: number;
  label: string;
  open: boolean;
  id: string;
  className?: string;
}) {
  const t = useTranslations("evidence");
  return (
    <div id={id} hidden={!open} className={className}>
      {open ? <EvidencePanel kind={kind} recordId={recordId} today={todayInTokyo()} title={t("child.panelTitle", { label: shortLabel(label) })} /> : null}
    </div>
  );
}

/**
 * A table row of a child record with its evidence: the row's own cells (children), a last cell with
 * the toggle, and when open a row below spanning the table with the panel. `colSpan` counts every
 * column, the toggle's included.
 */
export function ChildEvidenceRow({
  kind,
  recordId,
  label,
  colSpan,
  className,
  children,
}: {
  kind: EvidenceRecordKind;
  recordId: number;
  label: string;
  colSpan: number;
  className?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <tr className={className}>
        {children}
        <td className="px-3 py-2">
          <ChildEvidenceToggle kind={kind} recordId={recordId} label={label} open={open} onToggle={() => setOpen((v) => !v)} panelId={panelId} />
        </td>
      </tr>
      <tr hidden={!open}>
        <td colSpan={colSpan} className="bg-slate-50 px-3 py-3">
          <ChildEvidencePanel kind={kind} recordId={recordId} label={label} open={open} id={panelId} />
        </td>
      </tr>
    </>
  );
}

/** A long name (a finding's description) cut to fit a heading or a button's accessible name. */
function shortLabel(label: string): string {
  return label.length > 60 ? `${label.slice(0, 60)}…` : label;
}
