"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, EmptyState, PageHeader, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import {
  createAppointmentSchema,
  createPostSchema,
  endAppointmentSchema,
  updatePostSchema,
  type AppointmentDto,
  type People,
  type PostDto,
  type PostsResponse,
} from "@/lib/regulations/structure-schema";
import { useFormErrors } from "./form-utils";
import { regulationKeys } from "./labels";

/** PMS structure 体制: every post with its holder today, or a gap shown in red (with words, not colour alone). */
export function StructureView({ initial, canEdit, today }: { initial: PostsResponse; canEdit: boolean; today: string }) {
  const t = useTranslations("pmsStructure");
  const tc = useTranslations("common");
  const q = useQuery({ queryKey: regulationKeys.posts, queryFn: () => apiFetch<PostsResponse>("/api/v1/pms-posts"), initialData: initial });
  const people = useQuery({ queryKey: regulationKeys.people, queryFn: () => apiFetch<People>("/api/v1/pms-posts/people"), enabled: canEdit });
  const [postForm, setPostForm] = useState<"new" | PostDto | null>(null);
  const [appoint, setAppoint] = useState<PostDto | null>(null);
  const [ending, setEnding] = useState<AppointmentDto | null>(null);
  const [retiring, setRetiring] = useState<PostDto | null>(null);
  const qc = useQueryClient();
  const retire = useMutation({
    mutationFn: (p: PostDto) => apiFetch(`/api/v1/pms-posts/${p.id}/retire`, { method: "POST", json: { version: p.version } }),
    onSettled: async () => {
      setRetiring(null);
      await qc.invalidateQueries({ queryKey: regulationKeys.posts });
    },
  });

  const data = q.data;
  const term = (a: AppointmentDto) =>
    a.toDate ? t("termRange", { from: formatDate(a.fromDate), to: formatDate(a.toDate) }) : t("termFrom", { from: formatDate(a.fromDate) });

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <Button onClick={() => setPostForm("new")}>{t("newPost")}</Button> : undefined} />
      {q.isError ? <Alert tone="error">{tc("error")}</Alert> : null}
      <p className="text-sm" role="status">
        <span className="text-slate-600">{t("asOf", { date: formatDate(data.asOf) })}</span>{" "}
        {data.gaps > 0 ? <strong className="text-red-700">⚠ {t("gapsSummary", { count: data.gaps })}</strong> : <span className="text-emerald-800">{t("noGaps")}</span>}
      </p>
      {data.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("post")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("holder")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("term")}</th>
                {canEdit ? <th scope="col" className="px-3 py-2 text-left font-semibold">{tc("actions")}</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.items.map((p) => (
                <tr key={p.id} className={p.gap ? "bg-red-50" : undefined} data-testid={`post-${p.code}`}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                    {p.title}
                    {p.departmentName ? <span className="ml-1 font-normal text-slate-700">（{p.departmentName}）</span> : null}
                    {p.description ? <span className="block text-xs font-normal text-slate-600">{p.description}</span> : null}
                    {p.appointments.length > 0 ? (
                      <details className="mt-1 text-xs font-normal">
                        <summary className="cursor-pointer text-brand-700">{t("history", { count: p.appointments.length })}</summary>
                        <ul className="mt-1 space-y-0.5">
                          {p.appointments.map((a) => (
                            <li key={a.id}>
                              {a.personName}
                              {a.departmentName ? `（${a.departmentName}）` : ""} — {term(a)}{" "}
                              <span className="text-slate-600">{a.active ? t("current") : a.fromDate > data.asOf ? t("upcoming") : t("ended")}</span>
                              {a.note ? <span className="text-slate-600"> / {a.note}</span> : null}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </th>
                  <td className="px-3 py-2 align-top">
                    {p.gap ? (
                      <span className="inline-flex items-center gap-2 font-semibold text-red-700">
                        <Badge tone="red">⚠ {t("gap")}</Badge>
                        <span>{t("gapText")}</span>
                      </span>
                    ) : (
                      <ul className="space-y-1">
                        {p.holders.map((h) => (
                          <li key={h.id}>
                            {h.personName}
                            {h.departmentName ? <span className="text-slate-600">（{h.departmentName}）</span> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-3 py-2 align-top whitespace-nowrap">
                    <ul className="space-y-1">
                      {p.holders.map((h) => (
                        <li key={h.id} className="tabular-nums">
                          {term(h)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  {canEdit ? (
                    <td className="px-3 py-2 align-top">
                      <div className="flex flex-wrap gap-1">
                        <Button variant={p.gap ? "primary" : "secondary"} onClick={() => setAppoint(p)}>
                          {t("appoint")}
                        </Button>
                        {p.holders.map((h) => (
                          <Button key={h.id} variant="ghost" onClick={() => setEnding(h)}>
                            {t("endAppointment")}
                            <span className="sr-only">: {h.personName}</span>
                          </Button>
                        ))}
                        <Button variant="ghost" onClick={() => setPostForm(p)}>
                          {tc("edit")}
                          <span className="sr-only">: {p.title}</span>
                        </Button>
                        <Button variant="ghost" onClick={() => setRetiring(p)}>
                          {t("retirePost")}
                          <span className="sr-only">: {p.title}</span>
                        </Button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <>
          <Dialog open={postForm !== null} onClose={() => setPostForm(null)} title={postForm === "new" ? t("newPost") : t("editPost")}>
            {postForm !== null ? (
              <PostForm key={postForm === "new" ? "new" : `${postForm.id}-${postForm.version}`} post={postForm === "new" ? undefined : postForm} people={people.data} onDone={() => setPostForm(null)} />
            ) : null}
          </Dialog>
          <Dialog open={appoint !== null} onClose={() => setAppoint(null)} title={appoint ? t("appointTitle", { post: postLabel(appoint) }) : ""}>
            {appoint ? <AppointForm post={appoint} people={people.data} today={today} onDone={() => setAppoint(null)} /> : null}
          </Dialog>
          <Dialog open={ending !== null} onClose={() => setEnding(null)} title={ending ? t("endTitle", { name: ending.personName }) : ""}>
            {ending ? <EndForm appointment={ending} today={today} onDone={() => setEnding(null)} /> : null}
          </Dialog>
          <ConfirmDialog
            open={retiring !== null}
            title={retiring ? t("retireTitle", { post: postLabel(retiring) }) : ""}
            body={t("retireBody")}
            confirmLabel={t("retirePost")}
            busy={retire.isPending}
            onCancel={() => setRetiring(null)}
            onConfirm={() => retiring && retire.mutate(retiring)}
          />
        </>
      ) : null}
    </div>
  );
}

/** 「部門責任者（営業部）」: a department post with its department. */
function postLabel(p: PostDto): string {
  return p.departmentName ? `${p.title}（${p.departmentName}）` : p.title;
}

function FormShell({ f, onCancel, busy, children, onSubmit }: { f: ReturnType<typeof useFormErrors>; onCancel: () => void; busy: boolean; children: React.ReactNode; onSubmit: (e: React.FormEvent) => void }) {
  const t = useTranslations("pmsStructure");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {f.problem ? (
        <Alert tone={f.problem.conflict ? "warning" : "error"}>
          <p>{f.problem.conflict ? t("conflict") : f.problem.message}</p>
          {f.problem.conflict ? (
            <Button
              variant="secondary"
              className="mt-2"
              onClick={async () => {
                await qc.invalidateQueries({ queryKey: regulationKeys.posts });
                onCancel();
              }}
            >
              {tc("retry")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {children}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}

function useSave<T>(url: string, method: "POST" | "PATCH", onDone: () => void, f: ReturnType<typeof useFormErrors>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiFetch<T>(url, { method, json: body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: regulationKeys.posts });
      onDone();
    },
    onError: f.fromError,
  });
}

function PostForm({ post, people, onDone }: { post?: PostDto; people?: People; onDone: () => void }) {
  const t = useTranslations("pmsStructure");
  const f = useFormErrors();
  const [v, setV] = useState({
    code: post?.code ?? "",
    title: post?.title ?? "",
    departmentId: post?.departmentId ? String(post.departmentId) : "",
    description: post?.description ?? "",
    sortOrder: String(post?.sortOrder ?? 100),
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV((c) => ({ ...c, [k]: e.target.value }));
    f.clear(k);
  };
  const save = useSave<PostDto>(post ? `/api/v1/pms-posts/${post.id}` : "/api/v1/pms-posts", post ? "PATCH" : "POST", onDone, f);
  return (
    <FormShell
      f={f}
      onCancel={onDone}
      busy={save.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        const data = post ? f.validate(updatePostSchema, { ...v, version: post.version }) : f.validate(createPostSchema, v);
        if (data) save.mutate(data);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.code")} required value={v.code} onChange={set("code")} error={f.errors.code} maxLength={40} />
        <TextField label={t("fields.title")} required value={v.title} onChange={set("title")} error={f.errors.title} maxLength={200} />
        <SelectField label={t("fields.departmentId")} value={v.departmentId} onChange={set("departmentId")} error={f.errors.departmentId}>
          <option value="">{t("noDepartment")}</option>
          {(people?.departments ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fields.sortOrder")} inputMode="numeric" value={v.sortOrder} onChange={set("sortOrder")} error={f.errors.sortOrder} />
      </div>
      <TextAreaField label={t("fields.description")} value={v.description} onChange={set("description")} error={f.errors.description} rows={2} />
    </FormShell>
  );
}

function AppointForm({ post, people, today, onDone }: { post: PostDto; people?: People; today: string; onDone: () => void }) {
  const t = useTranslations("pmsStructure");
  const f = useFormErrors();
  const [v, setV] = useState({ personType: "employee", personId: "", fromDate: today, toDate: "", note: "" });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV((c) => ({ ...c, [k]: e.target.value, ...(k === "personType" ? { personId: "" } : {}) }));
    f.clear(k);
  };
  const save = useSave<PostDto>(`/api/v1/pms-posts/${post.id}/appointments`, "POST", onDone, f);
  if (!people) return <Skeleton className="h-40 w-full" />;
  return (
    <FormShell
      f={f}
      onCancel={onDone}
      busy={save.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        const data = f.validate(createAppointmentSchema, v);
        if (data) save.mutate(data);
      }}
    >
      <SelectField label={t("personType")} value={v.personType} onChange={set("personType")} error={f.errors.personType}>
        <option value="employee">{t("personTypes.employee")}</option>
        <option value="user">{t("personTypes.user")}</option>
      </SelectField>
      <SelectField label={t("person")} required value={v.personId} onChange={set("personId")} error={f.errors.personId}>
        <option value="">{t("choose")}</option>
        {v.personType === "user"
          ? people.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}（{u.email}）
              </option>
            ))
          : people.employees.map((e) => (
              <option key={e.id} value={e.id}>
                {e.employeeNumber} {e.name}
                {e.departmentName ? `（${e.departmentName}）` : ""}
              </option>
            ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fromDate")} required type="date" value={v.fromDate} onChange={set("fromDate")} error={f.errors.fromDate} />
        <TextField label={t("toDate")} type="date" value={v.toDate} onChange={set("toDate")} error={f.errors.toDate} hint={t("toDateHint")} />
      </div>
      <TextField label={t("note")} value={v.note} onChange={set("note")} error={f.errors.note} maxLength={1000} />
    </FormShell>
  );
}

function EndForm({ appointment, today, onDone }: { appointment: AppointmentDto; today: string; onDone: () => void }) {
  const t = useTranslations("pmsStructure");
  const f = useFormErrors();
  const [toDate, setToDate] = useState(today);
  const save = useSave<PostDto>(`/api/v1/pms-posts/appointments/${appointment.id}/end`, "POST", onDone, f);
  return (
    <FormShell
      f={f}
      onCancel={onDone}
      busy={save.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        const data = f.validate(endAppointmentSchema, { toDate, version: appointment.version });
        if (data) save.mutate(data);
      }}
    >
      <p className="text-sm text-slate-700">{t("endBody")}</p>
      <TextField
        label={t("toDate")}
        required
        type="date"
        value={toDate}
        onChange={(e) => {
          setToDate(e.target.value);
          f.clear("toDate");
        }}
        error={f.errors.toDate}
      />
    </FormShell>
  );
}
