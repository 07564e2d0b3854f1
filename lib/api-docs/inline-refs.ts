/**
 * Local `$ref`s ("#/components/…") replaced by what they point at, in plain JavaScript.
 *
 * Swagger UI resolves an OpenAPI 3.1 document with ApiDOM, which copies the whole document into its
 * own element tree and walks it: seconds of CPU for ours (about 470 kB, 900 references to one
 * Problem schema) before the first operation shows. Our document has only local references (it is
 * generated from the zod schemas, lib/api/openapi.ts), so a direct walk does the same work in a few
 * milliseconds. A reference met again inside itself (a cycle) is left as it is.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value at a JSON pointer ("#/components/schemas/Problem"), or undefined. */
function lookup(root: Json, ref: string): Json | undefined {
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

/** `node` with every local reference inlined against `root` (the whole document). */
export function inlineRefs(node: Json, root: Json = node): Json {
  const walk = (value: Json, open: ReadonlySet<string>): Json => {
    if (Array.isArray(value)) return value.map((v) => walk(v, open));
    if (value === null || typeof value !== "object") return value;
    const ref = value.$ref;
    if (typeof ref === "string" && ref.startsWith("#/") && !open.has(ref)) {
      const target = lookup(root, ref);
      if (target !== undefined && target !== null && typeof target === "object" && !Array.isArray(target)) {
        const siblings = { ...value };
        delete siblings.$ref;
        // $$ref is what Swagger UI's own resolver leaves behind: the schema's name in the models view.
        return { ...(walk(target, new Set(open).add(ref)) as Record<string, Json>), ...walkObject(siblings, open), $$ref: ref };
      }
      return value;
    }
    return walkObject(value, open);
  };
  const walkObject = (value: { [key: string]: Json }, open: ReadonlySet<string>) => {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, open);
    return out;
  };
  return walk(node, new Set());
}

/** The value at `path` (["paths", "/api/v1/x", "get"]) of `root`, with its references inlined. */
export function inlineSubtree(root: Json, path: readonly string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node === undefined ? undefined : inlineRefs(node, root);
}
