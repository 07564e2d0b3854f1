/**
 * "Something was written": handle() tells listeners after every successful write through the API, so
 * work that depends on the data can follow without the route knowing of it — the job queue
 * (db/jobs.ts) schedules a deadline scan 30 s after the last write (docs/domain.md, "Notifications").
 * Listeners must not throw or wait; the registry lives on globalThis (one per process, whatever the
 * bundling).
 */
type Listener = () => void;
const state = globalThis as unknown as { __pmsWriteListeners?: Set<Listener> };

export function onWrite(listener: Listener): () => void {
  (state.__pmsWriteListeners ??= new Set()).add(listener);
  return () => state.__pmsWriteListeners?.delete(listener);
}

export function emitWrite(): void {
  for (const listener of state.__pmsWriteListeners ?? []) {
    try {
      listener();
    } catch {
      // A listener's failure is not the request's.
    }
  }
}
