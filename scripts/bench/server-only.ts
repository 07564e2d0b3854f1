/**
 * db/queries files `import "server-only"`, which throws outside a React server environment. The
 * benchmark's own child processes (direct.ts, incident-cards.ts) call those functions in plain Node:
 * this makes the import a no-op there. (Node's react-server condition would do it too, but under it
 * next-intl's React client parts, which the dashboard's queries reach through lib/i18n/messages.ts,
 * fail to load outside Next.) Import it before anything that imports db/queries. Only for the
 * benchmark's child processes.
 */
import Module from "node:module";

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const M = Module as unknown as { _load: Loader };
const original = M._load;

M._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
  if (request === "server-only") return {};
  return original.call(this, request, parent, isMain);
};
