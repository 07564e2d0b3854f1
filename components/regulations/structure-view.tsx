"use client";

import { Fragment, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, EmptyState, PageHeader, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ScrollArea } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmployeePicker, type PickedEmployee } from "@/components/ui/employee-picker";
import { EnumSelect, IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { FlagCheckbox, useListParams } from "@/components/ui/list";
import { PickerFieldset, SearchCombobox } from "@/components/ui/search-combobox";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import {
  createAppointmentSchema,
  createPostSchema,
  endAppointmentSchema,
  postsQuery,
  updateAppointmentSchema,
  updatePostSchema,
  type AppointmentDto,
  type HoldingConflictDto,
  type People,
  type PostDto,
  type PostsResponse,
} from "@/lib/regulations/structure-schema";
import { regulationKeys } from "./labels";

const PERSON_TYPES = ["employee", "user"] as const;
type PersonType = (typeof PERSON_TYPES)[number];

/** PMS structure 体制: every post with its holder today, or a gap shown in red (with words, not colour alone). */
export function StructureView({ initial, canEdit, today }: { initial: PostsResponse; canEdit: boolean; today: string }) {
  const t = useTranslations("pmsStructure");
  const tc = useTranslations("common");
  // ?vacant=true (the dashboard's "posts left empty") shows only the posts nobody holds today.
  const listParams = useListParams(postsQuery);
  const qs = listParams.search;
  const [initialQs] = useState(qs);
  const q = useQuery({
    queryKey: [...regulationKeys.posts, qs],
    queryFn: () => apiFetch<PostsResponse>(`/api/v1/pms-posts${qs}`),
    // The server's rows are those of the address it rendered; another filter waits for its own (showing the last meanwhile).
    initialData: qs === initialQs ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const people = useQuery({ queryKey: regulationKeys.people, queryFn: () => apiFetch<People>("/api/v1/pms-posts/people"), enabled: canEdit });
  const [postForm, setPostForm] = useState<"new" | PostDto | null>(null);
  const [appoint, setAppoint] = useState<PostDto | null>(null);
  const [ending, setEnding] = useState<AppointmentDto | null>(null);
  const [editing, setEditing] = useState<AppointmentDto | null>(null);
  const [retiring, setRetiring] = useState<PostDto | null>(null);
  const retire = useAction({ invalidate: [regulationKeys.posts] });

  const data = q.data ?? initial;
  const term = (a: AppointmentDto) =>
    a.toDate ? t("termRange", { from: formatDate(a.fromDate), to: formatDate(a.toDate) }) : t("termFrom", { from: formatDate(a.fromDate) });

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <Button onClick={() => setPostForm("new")}>{t("newPost")}</Button> : undefined} />
      {q.isError ? <Alert tone="error">{tc("error")}</Alert> : null}
      <ActionMessage message={retire.message} />
      <p className="text-sm" role="status">
        <span className="text-slate-600">{t("asOf", { date: formatDate(data.asOf) })}</span>{" "}
        {data.gaps > 0 ? <strong className="text-red-700">⚠ {t("gapsSummary", { count: data.gaps })}</strong> : <span className="text-emerald-800">{t("noGaps")}</span>}
      </p>
      <ConflictsNotice conflicts={data.conflicts} />
      <FlagCheckbox label={t("vacantOnly")} params={listParams} name="vacant" />
      {data.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        // On a phone the table keeps readable columns and scrolls inside its card (with a shadow at the edge).
        <ScrollArea label={t("tableCaption")} className="rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm max-md:min-w-[46rem]">
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
                    {p.departmentName ? <span className="font-normal text-slate-700">{tc("inParens", { text: p.departmentName })}</span> : null}
                    {p.description ? <span className="block text-xs font-normal text-slate-600">{p.description}</span> : null}
                    {p.exclusiveWith.length > 0 ? (
                      <span className="block text-xs font-normal text-slate-700">
                        {t("exclusiveWithList", { posts: p.exclusiveWith.map((x) => data.items.find((i) => i.id === x)?.title ?? `#${x}`).join(tc("listSeparator")) })}
                      </span>
                    ) : null}
                    {p.appointments.length > 0 ? (
                      <details className="mt-1 text-xs font-normal">
                        <summary className="cursor-pointer text-brand-700">{t("history", { count: p.appointments.length })}</summary>
                        <ul className="mt-1 space-y-0.5">
                          {p.appointments.map((a) => (
                            <li key={a.id}>
                              {a.personName}
                              {a.departmentName ? tc("inParens", { text: a.departmentName }) : ""} — {term(a)}{" "}
                              <span className="text-slate-600">{a.active ? t("current") : a.fromDate > data.asOf ? t("upcoming") : t("ended")}</span>
                              {a.note ? <span className="text-slate-600"> / {a.note}</span> : null}
                              {canEdit && !a.active ? (
                                // A holder today is edited from the actions column; an ended or upcoming term here.
                                <button
                                  type="button"
                                  className="ml-1 inline-flex min-h-6 items-center rounded px-1 font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
                                  onClick={() => setEditing(a)}
                                >
                                  {t("editAppointment")}
                                  <span className="sr-only">
                                    : {a.personName}
                                    {tc("inParens", { text: term(a) })}
                                  </span>
                                </button>
                              ) : null}
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
                            {h.departmentName ? <span className="text-slate-600">{tc("inParens", { text: h.departmentName })}</span> : null}
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
                      <div className="flex flex-wrap gap-1 [&>button]:whitespace-nowrap">
                        <Button variant={p.gap ? "primary" : "secondary"} onClick={() => setAppoint(p)}>
                          {t("appoint")}
                        </Button>
                        {p.holders.map((h) => (
                          <Fragment key={h.id}>
                            <Button variant="ghost" onClick={() => setEditing(h)}>
                              {t("editAppointment")}
                              <span className="sr-only">: {h.personName}</span>
                            </Button>
                            <Button variant="ghost" onClick={() => setEnding(h)}>
                              {t("endAppointment")}
                              <span className="sr-only">: {h.personName}</span>
                            </Button>
                          </Fragment>
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
        </ScrollArea>
      )}
      {canEdit ? (
        <>
          <FormDialog
            open={postForm !== null}
            onClose={() => setPostForm(null)}
            title={postForm === "new" ? t("newPost") : t("editPost")}
            recordId={postForm === "new" ? null : postForm?.id}
          >
            <PostForm
              post={postForm === "new" || postForm === null ? undefined : postForm}
              posts={data.items}
              people={people.data}
              onDone={() => setPostForm(null)}
            />
          </FormDialog>
          <FormDialog open={appoint !== null} onClose={() => setAppoint(null)} title={appoint ? t("appointTitle", { post: postLabel(appoint, (text) => tc("inParens", { text })) }) : ""} recordId={appoint?.id}>
            {appoint ? <AppointForm post={appoint} people={people.data} today={today} onDone={() => setAppoint(null)} /> : null}
          </FormDialog>
          <FormDialog
            open={editing !== null}
            onClose={() => setEditing(null)}
            title={editing ? t("editAppointmentTitle", { name: editing.personName, post: postTitleOf(data.items, editing.postId, (text) => tc("inParens", { text })) }) : ""}
            recordId={editing?.id}
          >
            {editing ? <EditAppointmentForm appointment={editing} people={people.data} onDone={() => setEditing(null)} /> : null}
          </FormDialog>
          <FormDialog open={ending !== null} onClose={() => setEnding(null)} title={ending ? t("endTitle", { name: ending.personName }) : ""} recordId={ending?.id}>
            {ending ? <EndForm appointment={ending} today={today} onDone={() => setEnding(null)} /> : null}
          </FormDialog>
          <ConfirmDialog
            open={retiring !== null}
            title={retiring ? t("retireTitle", { post: postLabel(retiring, (text) => tc("inParens", { text })) }) : ""}
            body={t("retireBody")}
            confirmLabel={t("retirePost")}
            busy={retire.busy}
            onCancel={() => setRetiring(null)}
            onConfirm={async () => {
              if (!retiring) return;
              await retire.run(() => apiFetch(`/api/v1/pms-posts/${retiring.id}/retire`, { method: "POST", json: { version: retiring.version } }));
              setRetiring(null);
            }}
          />
        </>
      ) : null}
    </div>
  );
}

/** 「部門責任者（営業部）」: a department post with its department; `inParens` is common.inParens of the user's language. */
function postLabel(p: PostDto, inParens: (text: string) => string): string {
  return p.departmentName ? `${p.title}${inParens(p.departmentName)}` : p.title;
}

function postTitleOf(posts: readonly PostDto[], id: number, inParens: (text: string) => string): string {
  const p = posts.find((x) => x.id === id);
  return p ? postLabel(p, inParens) : `#${id}`;
}

/** The posts as the server holds them now: a form's "load the latest" and its "changed since" compare. */
async function latestPost(id: number): Promise<PostDto> {
  const all = await apiFetch<PostsResponse>("/api/v1/pms-posts");
  const p = all.items.find((x) => x.id === id);
  if (!p) throw new Error("post gone");
  return p;
}

/** An appointment as the server holds it now (its post's history has every live one). */
async function latestAppointment(a: AppointmentDto): Promise<AppointmentDto> {
  const latest = (await latestPost(a.postId)).appointments.find((x) => x.id === a.id);
  if (!latest) throw new Error("appointment gone");
  return latest;
}

/**
 * Anyone holding two posts that may not be held together (older or imported data; new appointments
 * that would are refused): said in words, with the posts and the shared days, not by colour alone.
 */
function ConflictsNotice({ conflicts }: { conflicts: readonly HoldingConflictDto[] }) {
  const t = useTranslations("pmsStructure");
  if (conflicts.length === 0) return null;
  return (
    <Alert tone="error">
      <p className="font-semibold">⚠ {t("conflictsTitle", { count: conflicts.length })}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {conflicts.map((c) => (
          <li key={c.posts.map((p) => p.appointmentId).join("-")}>
            {t("conflictItem", { person: c.personName, a: c.posts[0].title, b: c.posts[1].title, from: formatDate(c.fromDate), to: c.toDate ? formatDate(c.toDate) : "open" })}
          </li>
        ))}
      </ul>
      <p className="mt-1">{t("conflictsHint")}</p>
    </Alert>
  );
}

/** Posts listed without a search box up to this many; beyond, a filter on the title narrows them. */
const FILTER_POSTS_FROM = 12;

/** 兼任不可: the other live posts, several to a pick (the searched-combobox kit, as the register item picker). */
export function ExclusivePostsPicker({ options, selected, error, onChange }: { options: readonly PostDto[]; selected: readonly number[]; error?: string; onChange: (ids: number[]) => void }) {
  const t = useTranslations("pmsStructure");
  const tc = useTranslations("common");
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = options.filter((o) => selected.includes(o.id) || !needle || `${o.code} ${o.title} ${o.departmentName ?? ""}`.toLowerCase().includes(needle));
  return (
    <PickerFieldset legend={t("fields.exclusiveWith")} hint={t("exclusiveHint")} error={error} boxed>
      <SearchCombobox
        label={t("exclusiveFilter")}
        labelHidden={options.length <= FILTER_POSTS_FROM}
        query={filter}
        onQueryChange={setFilter}
        searchable={options.length > FILTER_POSTS_FROM}
        invalid={Boolean(error)}
        status="ready"
        options={shown}
        optionKey={(o) => o.id}
        renderOption={(o) => <span className="min-w-0 flex-1 text-slate-800">{postLabel(o, (text) => tc("inParens", { text }))}</span>}
        isSelected={(o) => selected.includes(o.id)}
        onPick={(o) => onChange(selected.includes(o.id) ? selected.filter((x) => x !== o.id) : [...selected, o.id])}
        listLabel={t("exclusiveList")}
        listClassName="grid max-h-48 gap-1 overflow-y-auto rounded-md border border-slate-200 sm:grid-cols-2"
        emptyText={t("exclusiveNone")}
      />
    </PickerFieldset>
  );
}

function PostForm({ post, posts, people, onDone }: { post?: PostDto; posts: readonly PostDto[]; people?: People; onDone: () => void }) {
  const t = useTranslations("pmsStructure");
  const valuesOf = (p?: PostDto) => ({
    code: p?.code ?? "",
    title: p?.title ?? "",
    departmentId: p?.departmentId ? String(p.departmentId) : "",
    description: p?.description ?? "",
    sortOrder: String(p?.sortOrder ?? 100),
    exclusiveWith: p?.exclusiveWith ?? ([] as number[]),
  });
  const f = useForm({
    initial: valuesOf(post),
    record: post,
    schema: post ? updatePostSchema : createPostSchema,
    submit: (body) => (post ? apiFetch<PostDto>(`/api/v1/pms-posts/${post.id}`, { method: "PATCH", json: body }) : apiFetch<PostDto>("/api/v1/pms-posts", { method: "POST", json: body })),
    invalidate: [regulationKeys.posts],
    onSaved: onDone,
    loadLatest: post ? () => latestPost(post.id) : undefined,
    compare: {
      code: t("fields.code"),
      title: t("fields.title"),
      departmentId: t("fields.departmentId"),
      description: t("fields.description"),
      sortOrder: t("fields.sortOrder"),
      exclusiveWith: t("fields.exclusiveWith"),
    },
    toValues: valuesOf,
  });
  // The other live posts (and any it names that was retired since, to be taken off).
  const others = posts.filter((p) => p.id !== post?.id && (!p.retiredAt || f.values.exclusiveWith.includes(p.id)));
  return (
    <Form form={f} onCancel={onDone}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.code")} required {...f.field("code")} maxLength={40} />
        <TextField label={t("fields.title")} required {...f.field("title")} maxLength={200} />
        <IdSelect
          label={t("fields.departmentId")}
          {...f.idField("departmentId")}
          options={(people?.departments ?? []).map((d) => ({ id: d.id, label: d.name }))}
          empty={t("noDepartment")}
        />
        <TextField label={t("fields.sortOrder")} inputMode="numeric" {...f.field("sortOrder")} />
      </div>
      <TextAreaField label={t("fields.description")} {...f.field("description")} rows={2} />
      <ExclusivePostsPicker
        options={others}
        selected={f.values.exclusiveWith}
        error={f.errors.exclusiveWith}
        onChange={(ids) => {
          f.setValues({ exclusiveWith: ids });
          f.clearError("exclusiveWith");
        }}
      />
    </Form>
  );
}

/** The parts of a form (the form kit's useForm) that the holder's fields read and write. */
type HolderForm = {
  values: { personType: PersonType; personId: string; fromDate: string };
  errors: Partial<Record<string, string>>;
  setValues: (patch: { personType?: PersonType; personId?: string }) => void;
  clearError: (field: string) => void;
  idField: (name: "personId") => { name: string; value: number | undefined; onValueChange: (id: number | undefined) => void; error?: string };
};

/**
 * Who holds the post: a sign-in user chosen from the short list, or an employee searched for
 * (thousands of them). A refusal by 兼任不可 is reported on `personId` and shown here.
 */
function HolderFields({ f, people, employee, onEmployee }: { f: HolderForm; people: People; employee: PickedEmployee | null; onEmployee: (e: PickedEmployee | null) => void }) {
  const t = useTranslations("pmsStructure");
  const tc = useTranslations("common");
  const v = f.values;
  return (
    <>
      <EnumSelect
        label={t("personType")}
        name="personType"
        values={PERSON_TYPES}
        value={v.personType}
        onValueChange={(x) => {
          if (!x) return;
          onEmployee(null);
          f.setValues({ personType: x, personId: "" });
        }}
        optionLabel={(x) => t(`personTypes.${x}`)}
        error={f.errors.personType}
      />
      {v.personType === "user" ? (
        <IdSelect
          label={t("person")}
          required
          {...f.idField("personId")}
          options={people.users.map((u) => ({ id: u.id, label: `${u.name}${tc("inParens", { text: u.email })}` }))}
          empty={t("choose")}
        />
      ) : (
        <EmployeePicker
          label={t("person")}
          required
          value={employee}
          onChange={(picked) => {
            onEmployee(picked);
            f.setValues({ personId: picked ? String(picked.id) : "" });
            f.clearError("personId");
          }}
          date={v.fromDate}
          departments={people.departments}
          noResults={t("noEmployees")}
          error={f.errors.personId}
        />
      )}
    </>
  );
}

function AppointForm({ post, people, today, onDone }: { post: PostDto; people?: People; today: string; onDone: () => void }) {
  const t = useTranslations("pmsStructure");
  // An employee is searched for (thousands of them); a sign-in user is chosen from the short list.
  const [employee, setEmployee] = useState<PickedEmployee | null>(null);
  const f = useForm({
    initial: { personType: "employee" as PersonType, personId: "", fromDate: today, toDate: "", note: "" },
    schema: createAppointmentSchema,
    submit: (body) => apiFetch<PostDto>(`/api/v1/pms-posts/${post.id}/appointments`, { method: "POST", json: body }),
    invalidate: [regulationKeys.posts],
    onSaved: onDone,
  });
  if (!people) return <Skeleton className="h-40 w-full" />;
  return (
    <Form form={f} onCancel={onDone}>
      <HolderFields f={f} people={people} employee={employee} onEmployee={setEmployee} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fromDate")} required type="date" {...f.field("fromDate")} />
        <TextField label={t("toDate")} type="date" {...f.field("toDate")} hint={t("toDateHint")} />
      </div>
      <TextField label={t("note")} {...f.field("note")} maxLength={1000} />
    </Form>
  );
}

/** An appointment's holder as the employee picker shows the one chosen: name (department). */
function holderLabel(a: AppointmentDto, inParens: (text: string) => string): string {
  return a.departmentName ? `${a.personName}${inParens(a.departmentName)}` : a.personName;
}

/**
 * Change an appointment's holder or term (or its note): the versioned write of PATCH
 * /pms-posts/appointments/{id}, checked with the API's own schema. Someone else's change meanwhile is
 * the form kit's conflict (input kept, changed fields named); a term or holder that would meet the same
 * person's term in a post that may not be held together with this one is refused beside the holder.
 */
function EditAppointmentForm({ appointment, people, onDone }: { appointment: AppointmentDto; people?: People; onDone: () => void }) {
  const t = useTranslations("pmsStructure");
  const tc = useTranslations("common");
  const inParens = (text: string) => tc("inParens", { text });
  // What the picker shows for an employee id: the holder's own label, then each one picked or loaded.
  const [labels, setLabels] = useState<Record<string, string>>(() =>
    appointment.personType === "employee" ? { [String(appointment.personId)]: holderLabel(appointment, inParens) } : {},
  );
  const valuesOf = (a: AppointmentDto) => ({
    personType: a.personType as PersonType,
    personId: String(a.personId),
    fromDate: a.fromDate,
    toDate: a.toDate ?? "",
    note: a.note ?? "",
  });
  const f = useForm({
    initial: valuesOf(appointment),
    record: appointment,
    schema: updateAppointmentSchema,
    submit: (body) => apiFetch<PostDto>(`/api/v1/pms-posts/appointments/${appointment.id}`, { method: "PATCH", json: body }),
    invalidate: [regulationKeys.posts],
    onSaved: onDone,
    loadLatest: async () => {
      const latest = await latestAppointment(appointment);
      if (latest.personType === "employee") setLabels((cur) => ({ ...cur, [String(latest.personId)]: holderLabel(latest, inParens) }));
      return latest;
    },
    compare: { personType: t("personType"), personId: t("person"), fromDate: t("fromDate"), toDate: t("toDate"), note: t("note") },
    toValues: valuesOf,
  });
  const v = f.values;
  if (!people) return <Skeleton className="h-40 w-full" />;
  const employee = v.personType === "employee" && v.personId ? { id: Number(v.personId), label: labels[v.personId] ?? `#${v.personId}` } : null;
  return (
    <Form form={f} onCancel={onDone}>
      <p className="text-sm text-slate-700">{t("editAppointmentHint")}</p>
      <HolderFields
        f={f}
        people={people}
        employee={employee}
        onEmployee={(picked) => {
          if (picked) setLabels((cur) => ({ ...cur, [String(picked.id)]: picked.label }));
        }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fromDate")} required type="date" {...f.field("fromDate")} />
        <TextField label={t("toDate")} type="date" {...f.field("toDate")} hint={t("toDateHint")} />
      </div>
      <TextField label={t("note")} {...f.field("note")} maxLength={1000} />
    </Form>
  );
}

function EndForm({ appointment, today, onDone }: { appointment: AppointmentDto; today: string; onDone: () => void }) {
  const t = useTranslations("pmsStructure");
  const f = useForm({
    initial: { toDate: today },
    record: appointment,
    schema: endAppointmentSchema,
    submit: (body) => apiFetch<PostDto>(`/api/v1/pms-posts/appointments/${appointment.id}/end`, { method: "POST", json: body }),
    invalidate: [regulationKeys.posts],
    onSaved: onDone,
    loadLatest: async () => {
      const latest = (await latestPost(appointment.postId)).appointments.find((x) => x.id === appointment.id);
      if (!latest) throw new Error("appointment gone");
      return latest;
    },
    compare: { toDate: t("toDate") },
    toValues: (a) => ({ toDate: a.toDate ?? today }),
  });
  return (
    <Form form={f} onCancel={onDone}>
      <p className="text-sm text-slate-700">{t("endBody")}</p>
      <TextField label={t("toDate")} required type="date" {...f.field("toDate")} />
    </Form>
  );
}
