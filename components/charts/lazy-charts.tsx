"use client";

import dynamic from "next/dynamic";
import { startTransition, useCallback, useEffect, useRef, useState, type ComponentType, type RefObject } from "react";
import type { BarChartProps } from "./bar-chart";
import { barChartHeight, ChartFrame, chartTableRows, LINE_CHART_HEIGHT } from "./chart-frame";
import type { LineChartProps } from "./line-chart";

/*
 * Recharts is most of a chart page's JavaScript and draws in the browser only. These charts keep it
 * off the first paint: the frame (its exact height) and the table of numbers are there at once, and
 * the picture is drawn when it comes near the screen, one chart at a time, each in its own task after
 * the previous one has painted, so that several charts never add up to one long block of the page.
 */

type Turn = { start: () => void; done: boolean };
const waiting: Turn[] = [];
let drawing: Turn | null = null;

function next() {
  if (drawing) return;
  const turn = (drawing = waiting.shift() ?? null);
  if (!turn) return;
  turn.start();
  // A picture that never arrives (its script failed to load) must not hold up the others for long.
  setTimeout(() => release(turn), 3000);
}

/** The current chart has painted (or gone): let the next one start, in a later task. */
function release(turn: Turn) {
  if (turn.done) return;
  turn.done = true;
  const i = waiting.indexOf(turn);
  if (i >= 0) waiting.splice(i, 1);
  if (drawing !== turn) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      drawing = null;
      next();
    }, 0),
  );
}

/** Whether this chart may draw: once it is near the screen and its turn has come (and from then on). */
function useDrawTurn(margin = "100px"): [RefObject<HTMLDivElement | null>, boolean, () => void] {
  const ref = useRef<HTMLDivElement>(null);
  const turn = useRef<Turn | null>(null);
  const [go, setGo] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (go || !el) return;
    const t: Turn = { start: () => startTransition(() => setGo(true)), done: false };
    const enqueue = () => {
      if (turn.current) return;
      turn.current = t;
      waiting.push(t);
      next();
    };
    const io = typeof IntersectionObserver === "undefined" ? null : new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && enqueue(), { rootMargin: margin });
    if (io) io.observe(el);
    else enqueue();
    return () => io?.disconnect();
  }, [go, margin]);
  // Gone before or while drawing: never hold up the others.
  const drawn = useCallback(() => void (turn.current && release(turn.current)), []);
  useEffect(() => drawn, [drawn]);
  return [ref, go, drawn];
}

// Still, not pulsing: the numbers are there (the table below); only the picture waits for its turn.
const placeholder = () => <div aria-hidden="true" className="h-full w-full rounded bg-slate-50" />;

/** A figure that says when it has been drawn. */
function signalling<P extends object>(Figure: ComponentType<P>) {
  return function Drawn(props: P & { onDrawn: () => void }) {
    const { onDrawn } = props;
    useEffect(() => onDrawn(), [onDrawn]);
    return <Figure {...props} />;
  };
}

const BarChartFigure = dynamic(() => import("./bar-chart-figure").then((m) => signalling(m.BarChartFigure)), { ssr: false, loading: placeholder });
const LineChartFigure = dynamic(() => import("./line-chart-figure").then((m) => signalling(m.LineChartFigure)), { ssr: false, loading: placeholder });

/** BarChart with the same props and the same box, drawn when it comes near the screen. */
export function LazyBarChart(props: BarChartProps) {
  const [ref, go, drawn] = useDrawTurn();
  const { data, ariaLabel, direction, height, formatValue, table } = props;
  return (
    <div ref={ref}>
      <ChartFrame ariaLabel={ariaLabel} height={barChartHeight({ height, direction, rows: data.length })} table={table} rows={chartTableRows(data, formatValue)}>
        {go ? <BarChartFigure {...props} onDrawn={drawn} /> : placeholder()}
      </ChartFrame>
    </div>
  );
}

/** LineChart with the same props and the same box, drawn when it comes near the screen. */
export function LazyLineChart(props: LineChartProps) {
  const [ref, go, drawn] = useDrawTurn();
  return (
    <div ref={ref}>
      <ChartFrame ariaLabel={props.ariaLabel} height={props.height ?? LINE_CHART_HEIGHT} table={props.table} rows={chartTableRows(props.data, props.formatValue)}>
        {go ? <LineChartFigure {...props} onDrawn={drawn} /> : placeholder()}
      </ChartFrame>
    </div>
  );
}
