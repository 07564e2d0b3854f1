"use client";

import Link from "@/components/ui/link";
import { usePathname, useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { CALENDAR_EVENT_TYPES, type CalendarEventType } from "@/lib/calendar/events";
import { daysOf, fiscalYearAgenda, monthGrid, monthGridRange, monthOf } from "@/lib/calendar/grid";
import { calendarEventsQuery, type CalendarEventDto, type CalendarEventsResponse } from "@/lib/calendar/schema";
import { calendarSearchString, step, type CalendarViewState } from "@/lib/calendar/view-params";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { ScrollArea } from "@/components/ui/data-table";

/** Colour per event type (never the only cue: the summary names the type, and the filter buttons are its legend). */
export const TYPE_STYLES: Record<CalendarEventType, string> = {
  audit: "border-l-brand-600 bg-brand-50",
  finding: "border-l-purple-600 bg-purple-50",
  review_action: "border-l-fuchsia-600 bg-fuchsia-50",
  pmark: "border-l-rose-700 bg-rose-50",
  training: "border-l-teal-600 bg-teal-50",
  regulation: "border-l-amber-600 bg-amber-50",
  incident: "border-l-red-600 bg-red-50",
  contractor: "border-l-slate-600 bg-slate-100",
  evidence: "border-l-cyan-700 bg-cyan-50",
  register: "border-l-emerald-700 bg-emerald-50",
  request: "border-l-indigo-600 bg-indigo-50",
};

const STATE_TEXT: Record<CalendarEventDto["state"], string> = {
  overdue: "text-red-800 font-semibold",
  due_soon: "text-amber-900",
  planned: "text-slate-800",
  in_progress: "text-brand-800 font-medium",
  done: "text-slate-600 line-through decoration-slate-400",
};

export const calendarKeys = {
  events: (qs: string) => ["calendar", "events", qs] as const,
  feed: ["calendar", "feed"] as const,
};

export function CalendarView({ state, today, startMonth }: { state: CalendarViewState; today: string; startMonth: number }) {
  const t = useTranslations("calendar");
  const locale = useLocale() as "ja" | "en";
  const router = useRouter();
  const pathname = usePathname();
  const go = (s: CalendarViewState) => router.push(`${pathname}${calendarSearchString(s)}`, { scroll: false });

  const range = state.view === "month" ? monthGridRange(state.month) : fiscalYearAgenda(state.fy, startMonth);
  const noTypes = state.types.length === 0;
  const qs = listSearch(calendarEventsQuery, { from: range.start, to: range.end, type: state.types.length === CALENDAR_EVENT_TYPES.length ? undefined : state.types.join(",") });
  const q = useQuery({
    queryKey: calendarKeys.events(qs),
    queryFn: () => apiFetch<CalendarEventsResponse>(`/api/v1/calendar/events${qs}`),
    enabled: !noTypes,
  });

  const toggle = (type: CalendarEventType) =>
    go({ ...state, types: state.types.includes(type) ? state.types.filter((x) => x !== type) : CALENDAR_EVENT_TYPES.filter((x) => x === type || state.types.includes(x)) });

  const title =
    state.view === "month"
      ? new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${state.month}-01T00:00:00Z`))
      : fiscalYearLabel(state.fy, locale);

  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2" role="group" aria-label={t("nav.label")}>
            <Button variant="secondary" onClick={() => go(step(state, -1))} aria-label={state.view === "month" ? t("nav.prevMonth") : t("nav.prevYear")}>
              <span aria-hidden="true">‹</span>
            </Button>
            <h2 className="min-w-36 text-center text-lg font-semibold" aria-live="polite">
              {title}
            </h2>
            <Button variant="secondary" onClick={() => go(step(state, 1))} aria-label={state.view === "month" ? t("nav.nextMonth") : t("nav.nextYear")}>
              <span aria-hidden="true">›</span>
            </Button>
            <Button variant="ghost" onClick={() => go({ ...state, month: monthOf(today), fy: fyOf(today, startMonth) })}>
              {t("nav.today")}
            </Button>
          </div>
          <div className="flex rounded-md border border-slate-300" role="group" aria-label={t("view.label")}>
            {(["month", "year"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={state.view === v}
                onClick={() => go({ ...state, view: v, fy: v === "year" ? fyOf(`${state.month}-01`, startMonth) : state.fy, month: v === "month" && state.view === "year" ? firstMonthOrToday(state.fy, startMonth, today) : state.month })}
                className={`min-h-9 px-3 text-sm font-medium first:rounded-l-md last:rounded-r-md ${state.view === v ? "bg-brand-600 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
              >
                {t(`view.${v}`)}
              </button>
            ))}
          </div>
        </div>
        <fieldset className="mt-3">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("filters.label")}</legend>
          <div className="flex flex-wrap gap-2">
            {CALENDAR_EVENT_TYPES.map((type) => {
              const on = state.types.includes(type);
              return (
                <button
                  key={type}
                  type="button"
                  aria-pressed={on}
                  onClick={() => toggle(type)}
                  className={`min-h-9 rounded-full border-l-4 px-3 text-sm ${TYPE_STYLES[type]} ${on ? "border border-slate-400 font-medium text-slate-900" : "border border-dashed border-slate-300 text-slate-500 opacity-70"}`}
                >
                  <span aria-hidden="true">{on ? "✓ " : ""}</span>
                  {t(`types.${type}`)}
                </button>
              );
            })}
            <Button variant="ghost" onClick={() => go({ ...state, types: [...CALENDAR_EVENT_TYPES] })} disabled={state.types.length === CALENDAR_EVENT_TYPES.length}>
              {t("filters.all")}
            </Button>
          </div>
        </fieldset>
      </Card>

      {noTypes ? (
        <EmptyState>{t("empty.noTypes")}</EmptyState>
      ) : q.isError ? (
        <LoadError onRetry={q.refetch}>{t("error")}</LoadError>
      ) : q.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label={t("loading")}>
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : state.view === "month" ? (
        <MonthView month={state.month} today={today} events={q.data.items} locale={locale} />
      ) : (
        <YearView fy={state.fy} startMonth={startMonth} today={today} events={q.data.items} locale={locale} onOpenMonth={(m) => go({ ...state, view: "month", month: m })} />
      )}
    </div>
  );
}

function fyOf(date: string, startMonth: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m >= startMonth ? y : y - 1;
}

/** Switching from a fiscal year to the month view: today's month when it is in that year, else the year's first month. */
function firstMonthOrToday(fy: number, startMonth: number, today: string): string {
  const a = fiscalYearAgenda(fy, startMonth);
  return today >= a.start && today <= a.end ? monthOf(today) : a.months[0].month;
}

/**
 * An event: its summary, in its type's colour. The summary names the type itself ("監査：…",
 * "研修期限：…", "INC-… 本人への通知期限"), as it must in the iCalendar feed, so the link adds no label
 * of its own: prefixed again, it read "監査: 監査: 運用状況監査…".
 */
function EventLink({ e, compact }: { e: CalendarEventDto; compact?: boolean }) {
  const t = useTranslations("calendar");
  return (
    <Link
      href={e.href}
      className={`relative block rounded border-l-4 px-1.5 py-0.5 text-xs leading-snug hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 ${TYPE_STYLES[e.type]} ${STATE_TEXT[e.state]} ${compact ? "truncate" : ""}`}
      title={compact ? e.summary : undefined}
    >
      {e.summary}
      {e.state === "overdue" ? <span className="sr-only"> ({t("states.overdue")})</span> : null}
    </Link>
  );
}

function byDay(events: CalendarEventDto[], from: string, to: string): Map<string, CalendarEventDto[]> {
  const map = new Map<string, CalendarEventDto[]>();
  for (const e of events) for (const d of daysOf(e, from, to)) map.set(d, [...(map.get(d) ?? []), e]);
  return map;
}

function dayLabel(date: string, locale: "ja" | "en", withWeekday = true) {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { month: "long", day: "numeric", ...(withWeekday ? { weekday: "short" } : {}), timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function MonthView({ month, today, events, locale }: { month: string; today: string; events: CalendarEventDto[]; locale: "ja" | "en" }) {
  const t = useTranslations("calendar");
  const weeks = useMemo(() => monthGrid(month), [month]);
  const range = { start: weeks[0][0].date, end: weeks[weeks.length - 1][6].date };
  const days = useMemo(() => byDay(events, range.start, range.end), [events, range.start, range.end]);
  const weekdays = t("weekdays").split(",");
  const inMonth = events.filter((e) => e.end >= `${month}-01` && e.start <= `${month}-31`);

  return (
    <>
      <ScrollArea label={t("monthCaption")} className="hidden md:block">
        <table className="w-full table-fixed border-collapse rounded-lg bg-white text-sm shadow-sm">
          <caption className="sr-only">{t("monthCaption")}</caption>
          <thead>
            <tr>
              {weekdays.map((w, i) => (
                <th key={w} scope="col" className={`border border-slate-200 py-1 text-xs font-medium ${i === 0 ? "text-red-700" : i === 6 ? "text-brand-700" : "text-slate-600"}`}>
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w[0].date}>
                {w.map((d) => {
                  const list = days.get(d.date) ?? [];
                  const isToday = d.date === today;
                  return (
                    <td
                      key={d.date}
                      aria-current={isToday ? "date" : undefined}
                      className={`h-28 border border-slate-200 p-1 align-top ${d.inMonth ? "" : "bg-slate-50 text-slate-600"} ${isToday ? "ring-2 ring-brand-600 ring-inset" : ""}`}
                    >
                      <div className={`mb-1 text-xs ${isToday ? "inline-block rounded-full bg-brand-600 px-1.5 font-bold text-white" : "font-medium"}`}>
                        <span className="sr-only">{dayLabel(d.date, locale)}</span>
                        <span aria-hidden="true">{Number(d.date.slice(8))}</span>
                        {isToday ? <span className="sr-only"> ({t("today")})</span> : null}
                      </div>
                      <ul className="space-y-0.5">
                        {list.slice(0, 4).map((e) => (
                          <li key={e.uid}>
                            <EventLink e={e} compact />
                          </li>
                        ))}
                        {list.length > 4 ? <li className="text-xs text-slate-600">{t("more", { count: list.length - 4 })}</li> : null}
                      </ul>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {/* Phones, and a readable list for everyone: the month's events by day. */}
      <Card title={t("agendaTitle")}>
        <Agenda events={inMonth} from={`${month}-01`} to={`${month}-31`} today={today} locale={locale} />
      </Card>
    </>
  );
}

function Agenda({ events, from, to, today, locale }: { events: CalendarEventDto[]; from: string; to: string; today: string; locale: "ja" | "en" }) {
  const t = useTranslations("calendar");
  // Each event once, on its first day within the range.
  const map = new Map<string, CalendarEventDto[]>();
  for (const e of events) {
    if (e.end < from || e.start > to) continue;
    const d = e.start < from ? from : e.start;
    map.set(d, [...(map.get(d) ?? []), e]);
  }
  const firstDays = [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (!firstDays.length) return <EmptyState>{t("empty.range")}</EmptyState>;
  return (
    <ol className="space-y-3">
      {firstDays.map(([d, list]) => (
        <li key={d} aria-current={d === today ? "date" : undefined}>
          <h3 className={`mb-1 text-sm font-semibold ${d === today ? "text-brand-700" : "text-slate-800"}`}>
            {dayLabel(d, locale)}
            {d === today ? ` · ${t("today")}` : ""}
          </h3>
          <ul className="space-y-1">
            {list.map((e) => (
              <li key={e.uid} className="flex flex-wrap items-baseline gap-2">
                <div className="min-w-0 flex-1">
                  <EventLink e={e} />
                  {e.end !== e.start ? <span className="text-xs text-slate-600">{t("until", { date: dayLabel(e.end, locale, false) })}</span> : null}
                </div>
                {e.state === "overdue" || e.state === "due_soon" || e.state === "in_progress" ? <span className={`text-xs ${STATE_TEXT[e.state]}`}>{t(`states.${e.state}`)}</span> : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function YearView({
  fy,
  startMonth,
  today,
  events,
  locale,
  onOpenMonth,
}: {
  fy: number;
  startMonth: number;
  today: string;
  events: CalendarEventDto[];
  locale: "ja" | "en";
  onOpenMonth: (m: string) => void;
}) {
  const t = useTranslations("calendar");
  const agenda = fiscalYearAgenda(fy, startMonth);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {agenda.months.map((m) => {
        const list = events.filter((e) => e.start <= m.end && e.end >= m.start);
        const current = today >= m.start && today <= m.end;
        const label = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${m.start}T00:00:00Z`));
        return (
          <section key={m.month} aria-labelledby={`m-${m.month}`} className={`rounded-lg border bg-white p-4 shadow-sm ${current ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}>
            <div className="mb-2 flex items-center justify-between gap-2">
              <h3 id={`m-${m.month}`} className="text-base font-semibold">
                {label}
                {current ? <span className="ml-2 text-xs font-medium text-brand-700">{t("thisMonth")}</span> : null}
              </h3>
              <Button variant="ghost" onClick={() => onOpenMonth(m.month)} aria-label={t("openMonth", { month: label })}>
                {t("openMonthShort")}
              </Button>
            </div>
            {list.length ? <Agenda events={list} from={m.start} to={m.end} today={today} locale={locale} /> : <p className="text-sm text-slate-500">{t("empty.month")}</p>}
          </section>
        );
      })}
    </div>
  );
}
